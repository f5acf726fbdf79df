/**
 * npt4j on Apache Spark: {@link org.npt4j.spark.SparkFoldExecutor}, the experiments' executor that
 * runs each (split, trainer) job as a Spark task, and batch scoring of a Spark {@code Dataset<Row>}
 * against a fitted model and its context. The only package that imports Spark; it imports the
 * experiments, Tribuo adapter and core packages, and none of them imports it.
 */
package org.npt4j.spark;
