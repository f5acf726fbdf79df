package org.npt4j.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.npt4j.core.engine.Tensors;
import org.npt4j.core.masking.BatchTensors;
import org.npt4j.core.model.ColumnLayout;

/**
 * NPT's loss ([C] {@code npt/loss.py}): cross-entropy on categorical cells and squared error in
 * standardised units on numerical cells, computed for every cell, then summed separately over the
 * feature-scored and target-scored cells and each sum divided by its own count:
 * L = λ·L_features + (1 − λ)·L_targets. Categorical and numerical cells are pooled within each part.
 *
 * <p>With row weights each part is a weighted mean instead, Σ w_r·loss / Σ w_r over its scored
 * cells, which is the mean over the cells of a table holding w_r copies of row r. Unweighted rows
 * weigh exactly 1, so the weighted sum and the weight total are then the plain sum and the count,
 * and the arithmetic is the reference's, bit for bit.
 */
public final class MaskedLoss {

    private final ColumnLayout layout;

    /**
     * @param layout which columns are categorical
     */
    public MaskedLoss(ColumnLayout layout) {
        this.layout = layout;
    }

    /**
     * @param outputs the network's D outputs (N, H_j − 1)
     * @param batch the batch with its truths and scored cells, each weighted by its row
     * @param lambda the feature-loss weight λ
     * @return the loss terms; arrays attach to the outputs' manager
     */
    public LossTerms compute(NDList outputs, BatchTensors batch, double lambda) {
        NDArray cells = cellLosses(outputs, batch.truths());
        NDArray features = null;
        NDArray targets = null;
        NDArray targetSum = null;
        // A part whose cells all weigh 0 (or that has none) is left out rather than divided by 0.
        if (batch.featureWeightSum() > 0) {
            NDArray sum = cells.mul(batch.featureWeights()).sum();
            features = sum.div(Tensors.scalar(sum, (float) batch.featureWeightSum()));
        }
        if (batch.targetWeightSum() > 0) {
            targetSum = cells.mul(batch.targetWeights()).sum();
            targets = targetSum.div(Tensors.scalar(targetSum, (float) batch.targetWeightSum()));
        }
        NDArray total = null;
        if (features != null) {
            total = features.mul(Tensors.scalar(features, (float) lambda));
        }
        if (targets != null) {
            NDArray weighted = targets.mul(Tensors.scalar(targets, (float) (1 - lambda)));
            total = total == null ? weighted : total.add(weighted);
        }
        return new LossTerms(total, features, targets, targetSum);
    }

    /**
     * @param outputs the D outputs
     * @param truths per column: (N) standardised values or (N, C) one-hot classes
     * @return (N, D): the loss of every cell, whether scored or not
     */
    public NDArray cellLosses(NDList outputs, NDList truths) {
        int d = layout.columnCount();
        NDList perColumn = new NDList(d);
        for (int j = 0; j < d; j++) {
            NDArray out = outputs.get(j);
            NDArray truth = truths.get(j);
            if (layout.categorical()[j]) {
                perColumn.add(truth.mul(out.logSoftmax(1)).sum(new int[] {1}).neg());
            } else {
                perColumn.add(out.squeeze(1).sub(truth).square());
            }
        }
        return NDArrays.stack(perColumn, 1);
    }
}
