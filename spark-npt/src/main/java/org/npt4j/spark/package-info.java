/**
 * npt4j on Apache Spark, the only part of npt4j that depends on Spark: batch scoring of a Spark
 * {@code Dataset<Row>} against a fitted model and its stored context ({@link
 * org.npt4j.spark.NptSparkScorer}: the model broadcast once, loaded once per executor JVM, each
 * partition scored in batches on as many intra-op threads as the task's cores), and the experiment
 * runner's (split, trainer) jobs as Spark tasks.
 */
package org.npt4j.spark;
