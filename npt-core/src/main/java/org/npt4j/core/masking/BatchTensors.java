package org.npt4j.core.masking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A {@link MaskedBatch} on the device, owned by the manager it was created on.
 *
 * @param inputs per column (rows, H_j): value slots then mask bit
 * @param truths per column: (rows) standardised values, or (rows, C) one-hot classes; zeros where missing
 * @param featureWeights (rows, D): 1 where the feature loss scores the cell
 * @param targetWeights (rows, D): 1 where the target loss scores the cell
 * @param featureCount number of feature-scored cells
 * @param targetCount number of target-scored cells
 */
public record BatchTensors(NDList inputs, NDList truths, NDArray featureWeights, NDArray targetWeights,
        int featureCount, int targetCount) {}
