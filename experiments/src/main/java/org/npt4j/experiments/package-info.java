/**
 * Runs comparisons of Tribuo trainers, NPT among them, on the same folds of one dataset or several: the
 * command line ({@link org.npt4j.experiments.Compare}), the OLCUT-configured
 * {@link org.npt4j.experiments.Experiment} with its data source, and the runner that trains and
 * scores every trainer on every split ({@link org.npt4j.experiments.DatasetRun}: one data set's run), each (split, trainer)
 * a job ({@link org.npt4j.experiments.FoldWork}) that the experiment's {@link org.npt4j.experiments.FoldExecutor} runs, in this
 * JVM or, through the spark-npt module, on Spark; also the
 * dependence diagnostic's command ({@link org.npt4j.experiments.DependenceDiagnostic}). This is the top of the package graph: it imports
 * {@code score}, {@code protocol}, {@code progress} and {@code report}, and none of them imports it.
 */
package org.npt4j.experiments;
