package org.npt4j.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * The losses of one batch. Each part is normalised by its own cells' total weight (their count when
 * rows are unweighted) and is absent (null) when no cell of its kind was scored with a positive
 * weight, so that an empty part never turns into NaN.
 *
 * @param total λ·features + (1 − λ)·targets, the value to differentiate; null if nothing was scored
 * @param features weighted mean feature-reconstruction loss, or null
 * @param targets weighted mean target loss, or null
 * @param targetSum the weighted sum (not mean) of the target loss, for aggregating over batches; null if none
 */
public record LossTerms(NDArray total, NDArray features, NDArray targets, NDArray targetSum) {

    /** @return the mean feature loss as a number, NaN when absent */
    public double featureValue() {
        return features == null ? Double.NaN : features.getFloat();
    }

    /** @return the mean target loss as a number, NaN when absent */
    public double targetValue() {
        return targets == null ? Double.NaN : targets.getFloat();
    }

    /** @return the total loss as a number, NaN when absent */
    public double totalValue() {
        return total == null ? Double.NaN : total.getFloat();
    }
}
