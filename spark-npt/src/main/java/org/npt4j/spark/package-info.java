/**
 * npt4j on Apache Spark: {@code SparkFoldExecutor}, which runs the experiments' (split, trainer) jobs as Spark tasks
 * for their {@code SparkExecutor} component, and batch scoring of a Spark {@code Dataset<Row>}
 * against a fitted model and its context. The only package that imports Spark; it imports the
 * experiments, Tribuo adapter and core packages, and none of them imports it.
 */
package org.npt4j.spark;
