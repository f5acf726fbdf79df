/**
 * Writes an experiment's results: the {@link org.npt4j.experiments.report.Summary} (mean ± standard
 * error per trainer and metric), the {@link org.npt4j.experiments.report.Significance} of each trainer
 * against NPT, the text and Markdown tables, the CSV files, the chart, the per-class figures and
 * confusion matrices ({@link org.npt4j.experiments.report.ClassReport}), the comparison over data sets
 * ({@link org.npt4j.experiments.report.AcrossDatasets}),
 * {@code folds.csv} kept as the run goes and read back to resume it ({@link org.npt4j.experiments.report.FoldLog}),
 * the dependence diagnostic's files ({@link org.npt4j.experiments.report.DependenceFiles}),
 * and whole-or-nothing file writes. It receives plain data (splits, fold results, headings, a
 * diagnostic's result from npt-core), so it imports only {@code score} and {@code protocol} of this
 * module; never the runner.
 */
package org.npt4j.experiments.report;
