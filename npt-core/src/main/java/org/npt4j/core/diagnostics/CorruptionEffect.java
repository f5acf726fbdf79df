package org.npt4j.core.diagnostics;

import java.util.Arrays;

/**
 * What one {@link Corruption} of the context did to a model's predictions of the query rows.
 *
 * @param corruption the corruption
 * @param rowChanges per query row, how far its prediction moved: the total-variation distance
 *     between the clean and corrupted class probabilities (0 to 1) for a categorical target, the
 *     absolute change in the target's standard deviations (as fitted on the training rows) for a
 *     numerical one
 * @param labelFlips per query row, whether its predicted class changed; null for a numerical target
 * @param corruptedMetric accuracy or RMSE of the corrupted predictions, as {@link
 *     ContextDependenceResult#cleanMetric()}
 * @param drawnWithReplacement for {@link Corruption#CONTEXT_REPLACED}, whether the pool was smaller
 *     than the context, so that rows were drawn with replacement (some appear more than once); false
 *     for the other corruptions
 */
public record CorruptionEffect(Corruption corruption, double[] rowChanges, boolean[] labelFlips, double corruptedMetric,
        boolean drawnWithReplacement) {

    /** Copies the arrays, so that the record cannot be changed through them. */
    public CorruptionEffect {
        rowChanges = rowChanges.clone();
        labelFlips = labelFlips == null ? null : labelFlips.clone();
    }

    /** @return a copy of the per-row changes */
    @Override
    public double[] rowChanges() {
        return rowChanges.clone();
    }

    /** @return a copy of the per-row label flips; null for a numerical target */
    @Override
    public boolean[] labelFlips() {
        return labelFlips == null ? null : labelFlips.clone();
    }

    /** @return the mean of {@link #rowChanges()} over the query rows */
    public double meanChange() {
        return Arrays.stream(rowChanges).average().orElse(Double.NaN);
    }

    /** @return the share of query rows whose predicted class changed; NaN for a numerical target */
    public double flipFraction() {
        if (labelFlips == null) {
            return Double.NaN;
        }
        int flipped = 0;
        for (boolean f : labelFlips) {
            flipped += f ? 1 : 0;
        }
        return labelFlips.length == 0 ? Double.NaN : (double) flipped / labelFlips.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorruptionEffect e && corruption == e.corruption && Arrays.equals(rowChanges, e.rowChanges)
                && Arrays.equals(labelFlips, e.labelFlips) && Double.compare(corruptedMetric, e.corruptedMetric) == 0
                && drawnWithReplacement == e.drawnWithReplacement;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * corruption.hashCode() + Arrays.hashCode(rowChanges)) + Arrays.hashCode(labelFlips)
                + Double.hashCode(corruptedMetric);
    }

    @Override
    public String toString() {
        return "CorruptionEffect[" + corruption.label() + ", mean change " + meanChange()
                + (labelFlips == null ? "" : ", flips " + flipFraction()) + ", metric " + corruptedMetric
                + (drawnWithReplacement ? ", drawn with replacement" : "") + "]";
    }
}
