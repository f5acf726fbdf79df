package org.npt4j.core;

/**
 * How the learning rate evolves over training (the {@link Settings#LR_SCHEDULE} setting);
 * {@code optim.LearningRateCurve} computes the rate at each step.
 */
public enum LearningRateSchedule {
    /** Flat for {@code flatProportion} of the steps, then cosine annealing to 0 (the reference's flat_and_anneal). */
    FLAT_AND_ANNEAL,
    /** Constant learning rate. */
    CONSTANT
}
