package org.npt4j.spark;

import java.util.UUID;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A model's bytes, broadcast to the executors once: on the first scoring in a Spark application,
 * then reused by every later scoring with the same scorer, until {@link #destroy()}.
 */
final class ModelBroadcast {

    private final byte[] bytes;
    private SparkContext context;
    private BroadcastModel broadcast;

    ModelBroadcast(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @return the model's size in bytes */
    int size() {
        return bytes.length;
    }

    /**
     * @param spark the Spark application of the Dataset to score
     * @return the broadcast of the model's bytes in that application
     */
    synchronized BroadcastModel in(SparkContext spark) {
        // A scorer kept across applications (a test suite, a notebook restarting Spark) broadcasts again in the new one.
        if (broadcast == null || context != spark || spark.isStopped()) {
            broadcast = new BroadcastModel(UUID.randomUUID().toString(), JavaSparkContext.fromSparkContext(spark).broadcast(bytes));
            context = spark;
        }
        return broadcast;
    }

    /** Removes the broadcast from the driver and the executors; a later scoring broadcasts again. */
    synchronized void destroy() {
        if (broadcast != null && !context.isStopped()) {
            broadcast.bytes().destroy();
        }
        broadcast = null;
        context = null;
    }
}
