package org.npt4j.core;

/**
 * How the learning rate evolves over training (the {@link Settings#LR_SCHEDULE} setting);
 * {@code optim.LearningRateCurve} computes the rate at each step.
 */
public enum LearningRateSchedule {
    /** Flat for {@code flatProportion} of the steps, then cosine annealing to 0 (the reference's flat_and_anneal). */
    FLAT_AND_ANNEAL,
    /** Constant learning rate. */
    CONSTANT,
    /**
     * Linear warm-up from 1e-7 over {@code warmupProportion} of the steps, then cosine cycles between
     * the base rate and 1e-7, the first twice the warm-up long, each next twice as long and at half
     * the height (fairseq's {@code CosineSchedule}, the paper's "cosine cyclic" variant).
     */
    COSINE_CYCLIC,
    /**
     * Linear warm-up from 0 over {@code warmupProportion} of the steps, then linear decay to 1e-7 at
     * the last step (Hugging Face's polynomial decay with power 1, the reference's Forest Cover schedule).
     */
    POLYNOMIAL_DECAY_WARMUP
}
