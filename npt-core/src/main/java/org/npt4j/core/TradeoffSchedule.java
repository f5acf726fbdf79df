package org.npt4j.core;

/**
 * How the weight λ of the feature-reconstruction loss against the target loss evolves over
 * training (the {@link Settings#TRADEOFF_SCHEDULE} setting); {@code loss.TradeoffCurve} computes
 * λ at each step.
 */
public enum TradeoffSchedule {
    /** λ_t = λ0 · ½(1 + cos(π t / T_λ)), then 0: the reference's cosine annealing. */
    COSINE,
    /** λ stays at its start value. */
    CONSTANT
}
