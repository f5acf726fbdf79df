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
     * @param batch the batch with its truths and scored cells
     * @param lambda the feature-loss weight λ
     * @return the loss terms; arrays attach to the outputs' manager
     */
    public LossTerms compute(NDList outputs, BatchTensors batch, double lambda) {
        NDArray cells = cellLosses(outputs, batch.truths());
        NDArray features = null;
        NDArray targets = null;
        NDArray targetSum = null;
        if (batch.featureCount() > 0) {
            NDArray sum = cells.mul(batch.featureWeights()).sum();
            features = sum.div(Tensors.scalar(sum, batch.featureCount()));
        }
        if (batch.targetCount() > 0) {
            targetSum = cells.mul(batch.targetWeights()).sum();
            targets = targetSum.div(Tensors.scalar(targetSum, batch.targetCount()));
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
