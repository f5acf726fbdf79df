package org.npt4j.core.inference;

import java.util.ArrayList;
import java.util.List;
import org.npt4j.core.NptInputException;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/**
 * The loss of a model's predictions for a fixed set of rows whose targets are known, averaged over
 * the targets: for a categorical target the mean negative log-probability of the true class, for a
 * numerical target the mean squared error divided by the target's variance over those rows. Both
 * are on a scale that does not depend on the target's units, so losses (and differences of losses)
 * can be compared between models and summed over targets.
 *
 * <p>A row whose value of a target is missing, or whose class the model never saw, does not count
 * for that target. A numerical target that is constant over the rows has no variance to divide by,
 * and its plain mean squared error counts.
 */
final class TargetLoss {

    /** Probabilities below this count as this, so that one confident mistake cannot make the loss infinite. */
    static final double PROBABILITY_FLOOR = 1e-12;

    private final List<TargetTruth> truths;

    /**
     * @param schema the model's columns
     * @param rows the rows to be scored, with the model's target columns
     * @throws NptInputException if no row has a known value of any target
     */
    TargetLoss(TableSchema schema, Table rows) {
        this.truths = new ArrayList<>();
        for (int t : schema.targetIndices()) {
            TargetTruth truth = TargetTruth.of(schema.column(t), rows);
            if (truth.rows().length > 0) {
                truths.add(truth);
            }
        }
        if (truths.isEmpty()) {
            throw new NptInputException("None of the " + rows.rowCount() + " rows scored has a known value of the targets "
                    + schema.targetNames());
        }
    }

    /**
     * @param predictions the model's predictions for the rows given at construction, in the same order
     * @return the loss, averaged over the targets
     */
    double of(Predictions predictions) {
        double sum = 0;
        for (TargetTruth truth : truths) {
            sum += truth.loss(predictions.column(truth.name()));
        }
        return sum / truths.size();
    }

    /**
     * The known values of one target.
     *
     * @param name the target column
     * @param rows the rows where it is known
     * @param classes for a categorical target, the true class index per row in {@code rows}; else null
     * @param values for a numerical target, the true value per row in {@code rows}; else null
     * @param scale what a numerical target's squared errors are divided by: its variance, or 1 when it has none
     */
    private record TargetTruth(String name, int[] rows, int[] classes, double[] values, double scale) {

        static TargetTruth of(ColumnSpec spec, Table table) {
            if (spec.encoder() instanceof CategoricalEncoder encoder) {
                CategoricalColumn column = (CategoricalColumn) table.column(spec.name());
                List<Integer> rows = new ArrayList<>();
                List<Integer> classes = new ArrayList<>();
                for (int i = 0; i < column.size(); i++) {
                    int c = column.isMissing(i) ? -1 : encoder.categories().indexOf(column.get(i));
                    if (c >= 0) {
                        rows.add(i);
                        classes.add(c);
                    }
                }
                return new TargetTruth(spec.name(), toArray(rows), toArray(classes), null, 1);
            }
            NumericColumn column = (NumericColumn) table.column(spec.name());
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < column.size(); i++) {
                if (!column.isMissing(i)) {
                    rows.add(i);
                }
            }
            int[] known = toArray(rows);
            double[] values = new double[known.length];
            double mean = 0;
            for (int k = 0; k < known.length; k++) {
                values[k] = column.get(known[k]);
                mean += values[k] / known.length;
            }
            double variance = 0;
            for (double v : values) {
                variance += (v - mean) * (v - mean) / known.length;
            }
            return new TargetTruth(spec.name(), known, null, values, variance > 0 ? variance : 1);
        }

        double loss(ColumnPrediction prediction) {
            double sum = 0;
            if (prediction instanceof ClassPredictions p) {
                for (int k = 0; k < rows.length; k++) {
                    sum -= Math.log(Math.max(PROBABILITY_FLOOR, p.probabilities(rows[k])[classes[k]]));
                }
                return sum / rows.length;
            }
            ValuePredictions p = (ValuePredictions) prediction;
            for (int k = 0; k < rows.length; k++) {
                double error = p.value(rows[k]) - values[k];
                sum += error * error;
            }
            return sum / rows.length / scale;
        }

        private static int[] toArray(List<Integer> list) {
            return list.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
