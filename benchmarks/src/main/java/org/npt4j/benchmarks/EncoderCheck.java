package org.npt4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.SchemaFitter;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/**
 * Compares npt4j's fitted standardisation ({@link SchemaFitter} with the split's roles, as
 * {@code NptTrainer.fit} calls it) with the reference's, column by column, and finds which rows
 * npt4j's statistics were taken over: all rows or the training rows only. No training is needed.
 *
 * @param columns one entry per numerical column, in table order
 * @param typeMismatches columns numerical in one encoding and categorical in the other
 * @param featureRows for the features: which rows npt4j's statistics match ({@link #rowsMatched})
 * @param targetRows the same for the target, or a note on a categorical target
 */
record EncoderCheck(List<ColumnCheck> columns, List<String> typeMismatches, String featureRows, String targetRows) {

    /** Relative tolerance of the check. */
    static final double TOLERANCE = 1e-6;

    /**
     * One numerical column.
     *
     * @param name the column
     * @param target whether it is the target
     * @param mean npt4j's mean
     * @param std npt4j's population standard deviation
     * @param referenceMean the reference's mean
     * @param referenceStd the reference's standard deviation
     */
    record ColumnCheck(String name, boolean target, double mean, double std, double referenceMean, double referenceStd) {

        /** @return the larger absolute difference of mean and std */
        double absoluteDifference() {
            return Math.max(Math.abs(mean - referenceMean), Math.abs(std - referenceStd));
        }

        /** @return the larger relative difference of mean and std (relative to the reference's value) */
        double relativeDifference() {
            return Math.max(relative(mean, referenceMean), relative(std, referenceStd));
        }

        /** @return whether both agree within {@link #TOLERANCE} relative */
        boolean passes() {
            return relativeDifference() <= TOLERANCE;
        }
    }

    /**
     * @param table the whole table in file order
     * @param targets the target column
     * @param splits the reference's split and standardisation
     * @return the check
     */
    static EncoderCheck of(Table table, List<String> targets, ParitySplits splits) {
        RowRole[] roles = splits.roles(table.rowCount());
        TableSchema schema = SchemaFitter.fit(table, targets, roles);
        if (splits.standardisation().length != table.columnCount()) {
            throw new IllegalStateException(splits.key() + ": the reference standardised " + splits.standardisation().length
                    + " columns, the table has " + table.columnCount());
        }
        int[] all = IntStream.range(0, table.rowCount()).toArray();
        List<ColumnCheck> checks = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int featuresOverAll = 0;
        int featuresOverTrain = 0;
        int numericFeatures = 0;
        String targetRows = null;
        for (int j = 0; j < table.columnCount(); j++) {
            Column column = table.column(j);
            ColumnSpec spec = schema.column(schema.indexOf(column.name()));
            double[] reference = splits.standardisation()[j];
            boolean referenceNumeric = !Double.isNaN(reference[0]);
            if (referenceNumeric == spec.categorical()) {
                mismatches.add(column.name() + " (npt4j " + (spec.categorical() ? "categorical" : "numerical") + ", reference "
                        + (referenceNumeric ? "numerical" : "categorical") + ")");
                continue;
            }
            if (spec.categorical()) {
                if (spec.target()) {
                    targetRows = "categorical target; npt4j's classes " + ((CategoricalEncoder) spec.encoder())
                            .categories() + " (from the labelled rows), no standardisation";
                }
                continue;
            }
            NumericalEncoder fitted = (NumericalEncoder) spec.encoder();
            checks.add(new ColumnCheck(column.name(), spec.target(), fitted.mean(), fitted.std(), reference[0], reference[1]));
            double[] values = ((NumericColumn) column).values();
            boolean overAll = same(fitted, NumericalEncoder.fit(values, all));
            boolean overTrain = same(fitted, NumericalEncoder.fit(values, splits.train()));
            if (spec.target()) {
                targetRows = rowsMatched(overAll, overTrain, all.length, splits.train().length);
            } else {
                numericFeatures++;
                featuresOverAll += overAll ? 1 : 0;
                featuresOverTrain += overTrain ? 1 : 0;
            }
        }
        String featureRows = String.format(Locale.ROOT,
                "%d of %d numerical features match the statistics over all %d rows, %d those over the %d training rows only",
                featuresOverAll, numericFeatures, all.length, featuresOverTrain, splits.train().length);
        return new EncoderCheck(checks, mismatches, featureRows, targetRows);
    }

    /** @return whether every column agrees and the column types match */
    boolean passes() {
        return typeMismatches.isEmpty() && columns.stream().allMatch(ColumnCheck::passes);
    }

    /** @return the largest absolute difference over all columns */
    double maxAbsoluteDifference() {
        return columns.stream().mapToDouble(ColumnCheck::absoluteDifference).max().orElse(0);
    }

    /** @return the largest relative difference over all columns */
    double maxRelativeDifference() {
        return columns.stream().mapToDouble(ColumnCheck::relativeDifference).max().orElse(0);
    }

    /** @return the columns that fail, described, for test messages */
    List<String> failures() {
        List<String> out = new ArrayList<>(typeMismatches);
        for (ColumnCheck c : columns) {
            if (!c.passes()) {
                out.add(String.format(Locale.ROOT, "%s: npt4j [%.12g, %.12g], reference [%.12g, %.12g], relative %.3g",
                        c.name(), c.mean(), c.std(), c.referenceMean(), c.referenceStd(), c.relativeDifference()));
            }
        }
        return out;
    }

    /**
     * @return which row set a fitted column's statistics come from; says "neither" when it
     *     matches neither, and names both when the two sets give the same statistics
     */
    static String rowsMatched(boolean overAll, boolean overTrain, int allRows, int trainRows) {
        if (overAll && overTrain) {
            return "matches both all " + allRows + " rows and the " + trainRows + " training rows (indistinguishable)";
        }
        if (overTrain) {
            return "statistics over the " + trainRows + " training rows only";
        }
        if (overAll) {
            return "statistics over all " + allRows + " rows";
        }
        return "statistics over neither all " + allRows + " rows nor the " + trainRows + " training rows";
    }

    // Same rows, same summation order: npt4j's own fit over a row set reproduces it to the last bits or
    // nearly; 1e-12 relative separates "same rows" from "other rows" without depending on the order.
    private static boolean same(NumericalEncoder a, NumericalEncoder b) {
        return relative(a.mean(), b.mean()) <= 1e-12 && relative(a.std(), b.std()) <= 1e-12;
    }

    private static double relative(double value, double reference) {
        double scale = Math.abs(reference);
        return scale == 0 ? Math.abs(value) : Math.abs(value - reference) / scale;
    }
}
