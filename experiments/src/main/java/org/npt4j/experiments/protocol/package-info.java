/**
 * How an experiment divides a table's rows into train, validation and test sets: the
 * {@link org.npt4j.experiments.protocol.Protocol} OLCUT components (k-fold and the NPT paper's) and
 * the {@link org.npt4j.experiments.protocol.Split}s they return. Works on row indices alone and
 * imports only {@code score} (for the task, which decides stratification); never the runner.
 */
package org.npt4j.experiments.protocol;
