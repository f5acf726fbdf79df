/**
 * Runs comparisons of Tribuo trainers, NPT among them, on the same folds of one dataset: the
 * command line ({@link org.npt4j.experiments.Compare}), the OLCUT-configured
 * {@link org.npt4j.experiments.Experiment} with its data source, and the runner that trains and
 * scores every trainer on every split. This is the top of the package graph: it imports
 * {@code score}, {@code protocol}, {@code progress} and {@code report}, and none of them imports it.
 */
package org.npt4j.experiments;
