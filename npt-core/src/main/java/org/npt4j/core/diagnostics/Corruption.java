package org.npt4j.core.diagnostics;

/**
 * The three ways {@link ContextDependence} corrupts a model's context rows. Each keeps the
 * context's size; what differs is which cross-row information survives.
 */
public enum Corruption {

    /**
     * Every context row's target replaced: a categorical target by a class drawn uniformly from the
     * model's categories, a numerical target by a permutation of the context's own target values
     * (missing cells stay missing or move with the permutation). The features stay as they were.
     * A model whose context labels are hidden at prediction (deterministic target masking,
     * {@code targetMaskProbability} 1) cannot see this corruption at all.
     */
    TARGETS_RANDOMISED("targets randomised"),

    /**
     * Each feature column of the context shuffled across the context rows, independently of the
     * other columns; targets kept in place. Every column keeps its values, but no row keeps its own
     * combination of features, nor the link between its features and its target.
     */
    FEATURES_PERMUTED("features permuted"),

    /**
     * The context replaced by as many rows drawn from a pool of other rows the caller supplies:
     * without replacement when the pool has enough rows, with replacement otherwise.
     */
    CONTEXT_REPLACED("context replaced");

    private final String label;

    Corruption(String label) {
        this.label = label;
    }

    /** @return a short name for tables and charts */
    public String label() {
        return label;
    }
}
