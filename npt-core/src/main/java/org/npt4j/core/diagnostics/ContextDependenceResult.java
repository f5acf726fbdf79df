package org.npt4j.core.diagnostics;

import java.util.List;
import java.util.Locale;
import org.npt4j.core.NptInputException;

/**
 * The outcome of {@link ContextDependence}: the clean predictions' metric and, per corruption
 * measured, how far the predictions moved and what became of the metric.
 *
 * @param target the target measured
 * @param categorical whether it is categorical (changes are total-variation distances, the metric
 *     accuracy) or numerical (changes in target standard deviations, the metric RMSE)
 * @param contextLabelsVisible whether the model sees its context rows' labels at prediction
 *     (stochastic target masking); when it does not, {@link Corruption#TARGETS_RANDOMISED} cannot
 *     change any prediction
 * @param contextRows the number of context rows, clean and corrupted alike
 * @param queryRows the number of query rows
 * @param cleanMetric accuracy (over query rows with a known label) or RMSE (over query rows with a
 *     known value, in the target's units) of the model's own predictions
 * @param effects one per corruption measured, in {@link Corruption} order
 */
public record ContextDependenceResult(String target, boolean categorical, boolean contextLabelsVisible, int contextRows,
        int queryRows, double cleanMetric, List<CorruptionEffect> effects) {

    /** Copies the effects. */
    public ContextDependenceResult {
        effects = List.copyOf(effects);
    }

    /** @return {@code accuracy} or {@code RMSE} */
    public String metricName() {
        return categorical ? "accuracy" : "RMSE";
    }

    /** @return what {@link CorruptionEffect#rowChanges()} measure */
    public String changeUnit() {
        return categorical ? "total-variation distance" : "target standard deviations";
    }

    /**
     * @param corruption a corruption
     * @return its effect
     * @throws NptInputException if it was not measured ({@link Corruption#CONTEXT_REPLACED} needs a pool)
     */
    public CorruptionEffect effect(Corruption corruption) {
        return effects.stream().filter(e -> e.corruption() == corruption).findFirst().orElseThrow(
                () -> new NptInputException("'" + corruption.label() + "' was not measured"
                        + (corruption == Corruption.CONTEXT_REPLACED ? ": it needs a pool of other rows" : "")));
    }

    /** @return a few lines: one per corruption with its mean change, flips and metric against the clean one */
    public String summary() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Dependence on the context: target %s, %d query rows, %d context rows, clean %s %.4f%n",
                target, queryRows, contextRows, metricName(), cleanMetric));
        for (CorruptionEffect e : effects) {
            out.append(String.format(Locale.ROOT, "  %-20s mean change %.4g (%s)%s, %s %.4f%s%n", e.corruption().label(),
                    e.meanChange(), changeUnit(),
                    categorical ? String.format(Locale.ROOT, ", labels flipped %.1f%%", 100 * e.flipFraction()) : "",
                    metricName(), e.corruptedMetric(), e.drawnWithReplacement() ? " (pool smaller than context: drawn with replacement)" : ""));
        }
        if (!contextLabelsVisible) {
            out.append("  Context labels are hidden at prediction (targetMaskProbability 1), so randomising them cannot matter.\n");
        }
        return out.toString();
    }
}
