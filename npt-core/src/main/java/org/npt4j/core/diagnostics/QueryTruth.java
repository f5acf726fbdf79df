package org.npt4j.core.diagnostics;

import org.npt4j.core.NptInputException;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.ColumnPrediction;
import org.npt4j.core.inference.ValuePredictions;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/**
 * The query rows' true values of one target, and how predictions of them are scored and compared:
 * accuracy or RMSE against the truth, and the change of each row's prediction between two models.
 */
final class QueryTruth {

    private final ColumnSpec spec;
    private final Column truth;

    /**
     * @throws NptInputException if the queries lack the target or none of them has a known value of it
     */
    QueryTruth(ColumnSpec spec, Table queries) {
        if (!queries.hasColumn(spec.name())) {
            throw new NptInputException("The query rows have no column '" + spec.name()
                    + "': their true targets are needed to score the predictions");
        }
        Column column = queries.column(spec.name());
        if (column.type() != spec.type()) {
            throw new NptInputException("Target '" + spec.name() + "' of the query rows is " + column.type()
                    + " but was " + spec.type() + " when the model was fitted");
        }
        boolean anyKnown = false;
        for (int i = 0; i < column.size() && !anyKnown; i++) {
            anyKnown = !column.isMissing(i);
        }
        if (!anyKnown) {
            throw new NptInputException("None of the " + column.size() + " query rows has a known value of target '"
                    + spec.name() + "'");
        }
        this.spec = spec;
        this.truth = column;
    }

    boolean categorical() {
        return spec.categorical();
    }

    /**
     * @return for a categorical target the accuracy over the rows with a known label (a label the
     *     model never saw counts as wrong); for a numerical one the RMSE over the rows with a known
     *     value, in the target's units
     */
    double metric(ColumnPrediction prediction) {
        int known = 0;
        double sum = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.isMissing(i)) {
                continue;
            }
            known++;
            if (prediction instanceof ClassPredictions p) {
                sum += p.label(i).equals(((CategoricalColumn) truth).get(i)) ? 1 : 0;
            } else {
                double error = ((ValuePredictions) prediction).value(i) - ((NumericColumn) truth).get(i);
                sum += error * error;
            }
        }
        return categorical() ? sum / known : Math.sqrt(sum / known);
    }

    /**
     * @return per row, how far its prediction moved: the total-variation distance between the two
     *     probability vectors for a categorical target, the absolute change in the target's fitted
     *     standard deviations for a numerical one
     */
    double[] changes(ColumnPrediction clean, ColumnPrediction corrupted) {
        double[] out = new double[clean.rowCount()];
        for (int i = 0; i < out.length; i++) {
            if (clean instanceof ClassPredictions p) {
                double[] a = p.probabilities(i);
                double[] b = ((ClassPredictions) corrupted).probabilities(i);
                double distance = 0;
                for (int c = 0; c < a.length; c++) {
                    distance += Math.abs(a[c] - b[c]);
                }
                out[i] = distance / 2;
            } else {
                double std = ((NumericalEncoder) spec.encoder()).std();
                out[i] = Math.abs(((ValuePredictions) clean).value(i) - ((ValuePredictions) corrupted).value(i)) / std;
            }
        }
        return out;
    }

    /** @return per row, whether the predicted label differs; null for a numerical target */
    boolean[] flips(ColumnPrediction clean, ColumnPrediction corrupted) {
        if (!(spec.encoder() instanceof CategoricalEncoder)) {
            return null;
        }
        boolean[] out = new boolean[clean.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((ClassPredictions) clean).classIndex(i) != ((ClassPredictions) corrupted).classIndex(i);
        }
        return out;
    }
}
