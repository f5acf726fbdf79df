package org.npt4j.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * A model's bytes as broadcast to the executors, under a key of its own. The key is what executors
 * cache the loaded model by: a broadcast's id is not enough, since ids start again from 0 in every
 * Spark application, and applications run one after another in one JVM (local mode, tests) would
 * otherwise find one another's models.
 *
 * @param key unique to this broadcast: a random UUID
 * @param bytes the broadcast of the model's bytes ({@link org.npt4j.core.inference.NptModel#toBytes()})
 */
record BroadcastModel(String key, Broadcast<byte[]> bytes) implements Serializable {}
