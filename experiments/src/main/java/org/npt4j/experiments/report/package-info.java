/**
 * Writes an experiment's results: the {@link org.npt4j.experiments.report.Summary} (mean ± standard
 * error per trainer and metric), the {@link org.npt4j.experiments.report.Significance} of each trainer
 * against NPT, the text and Markdown tables, the CSV files, the chart, the per-class figures and
 * confusion matrices ({@link org.npt4j.experiments.report.ClassReport}), the comparison over data sets
 * ({@link org.npt4j.experiments.report.AcrossDatasets}),
 * {@code folds.csv} kept as the run goes and read back to resume it ({@link org.npt4j.experiments.report.FoldLog}),
 * and whole-or-nothing file writes. It receives plain data (splits, fold results, headings), so it
 * imports only {@code score} and {@code protocol}; never the runner.
 */
package org.npt4j.experiments.report;
