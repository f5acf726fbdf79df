package org.npt4j.core.masking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.TableSchema;

/**
 * One batch of rows in the layout the network takes: per column an (rows, H_j) block of value
 * slots followed by the mask bit, the ground truth to score against, and which cells are scored,
 * each with the weight of its row. Built on the Java heap so that {@link #toTensors} is the only
 * place native memory is allocated.
 *
 * @param schema the columns
 * @param rowCount the number of rows
 * @param inputs per column, (rows, H_j) row-major: value slots, then the mask bit
 * @param truths per column: (rows) standardised values, or (rows, C) one-hot classes; zeros where missing
 * @param featureWeights (rows, D) row-major: the row's weight where the feature loss scores the cell, 0 elsewhere
 * @param targetWeights (rows, D) row-major: the row's weight where the target loss scores the cell, 0 elsewhere
 * @param featureWeightSum the sum of {@code featureWeights}: the number of feature-scored cells when rows are unweighted
 * @param targetWeightSum the sum of {@code targetWeights}: the number of target-scored cells when rows are unweighted
 */
public record MaskedBatch(TableSchema schema, int rowCount, float[][] inputs, float[][] truths, float[] featureWeights,
        float[] targetWeights, double featureWeightSum, double targetWeightSum) {

    /**
     * @param masked the masked working table
     * @param truth the unmasked working table the loss is scored against, with the rows' weights
     * @param rows the rows of this batch, in order
     * @return the batch
     */
    public static MaskedBatch of(MaskedInputs masked, EncodedTable truth, int[] rows) {
        TableSchema schema = truth.schema();
        int d = schema.columnCount();
        int nb = rows.length;
        float[][] inputs = new float[d][];
        float[][] truths = new float[d][];
        float[] featureWeights = new float[nb * d];
        float[] targetWeights = new float[nb * d];
        // Summed in double: with weights of 1 the sums are the exact cell counts.
        double featureSum = 0;
        double targetSum = 0;
        for (int j = 0; j < d; j++) {
            ColumnSpec spec = schema.column(j);
            int h = spec.encoder().inputWidth();
            int c = spec.encoder().outputWidth();
            float[] in = new float[nb * h];
            float[] tr = new float[spec.categorical() ? nb * c : nb];
            for (int b = 0; b < nb; b++) {
                int r = rows[b];
                float v = masked.cells()[j][r];
                if (Float.isNaN(v)) {
                    in[b * h + h - 1] = 1f;
                } else if (spec.categorical()) {
                    in[b * h + (int) v] = 1f;
                } else {
                    in[b * h] = v;
                }
                float t = truth.cell(j, r);
                if (!Float.isNaN(t)) {
                    if (spec.categorical()) {
                        tr[b * c + (int) t] = 1f;
                    } else {
                        tr[b] = t;
                    }
                }
                if (masked.featureScored()[j][r]) {
                    featureWeights[b * d + j] = truth.weight(r);
                    featureSum += truth.weight(r);
                }
                if (masked.targetScored()[j][r]) {
                    targetWeights[b * d + j] = truth.weight(r);
                    targetSum += truth.weight(r);
                }
            }
            inputs[j] = in;
            truths[j] = tr;
        }
        return new MaskedBatch(schema, nb, inputs, truths, featureWeights, targetWeights, featureSum, targetSum);
    }

    /**
     * @param manager the manager that will own the arrays (close it to free them)
     * @return the batch as arrays on the manager's device
     */
    public BatchTensors toTensors(NDManager manager) {
        int d = schema.columnCount();
        NDList in = new NDList(d);
        NDList truth = new NDList(d);
        for (int j = 0; j < d; j++) {
            ColumnSpec spec = schema.column(j);
            in.add(manager.create(inputs[j], new Shape(rowCount, spec.encoder().inputWidth())));
            truth.add(spec.categorical()
                    ? manager.create(truths[j], new Shape(rowCount, spec.encoder().outputWidth()))
                    : manager.create(truths[j], new Shape(rowCount)));
        }
        NDArray fw = manager.create(featureWeights, new Shape(rowCount, d));
        NDArray tw = manager.create(targetWeights, new Shape(rowCount, d));
        return new BatchTensors(in, truth, fw, tw, featureWeightSum, targetWeightSum);
    }

    /**
     * @param manager the manager that will own the arrays
     * @return just the model inputs, for prediction
     */
    public NDList inputTensors(NDManager manager) {
        NDList in = new NDList(schema.columnCount());
        for (int j = 0; j < schema.columnCount(); j++) {
            in.add(manager.create(inputs[j], new Shape(rowCount, schema.column(j).encoder().inputWidth())));
        }
        return in;
    }
}
