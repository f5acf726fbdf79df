package org.npt4j.core.masking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A {@link MaskedBatch} on the device, owned by the manager it was created on.
 *
 * @param inputs per column (rows, H_j): value slots then mask bit
 * @param truths per column: (rows) standardised values, or (rows, C) one-hot classes; zeros where missing
 * @param featureWeights (rows, D): the row's weight where the feature loss scores the cell, 0 elsewhere
 * @param targetWeights (rows, D): the row's weight where the target loss scores the cell, 0 elsewhere
 * @param featureWeightSum the sum of {@code featureWeights}: the number of feature-scored cells when rows are unweighted
 * @param targetWeightSum the sum of {@code targetWeights}: the number of target-scored cells when rows are unweighted
 */
public record BatchTensors(NDList inputs, NDList truths, NDArray featureWeights, NDArray targetWeights,
        double featureWeightSum, double targetWeightSum) {}
