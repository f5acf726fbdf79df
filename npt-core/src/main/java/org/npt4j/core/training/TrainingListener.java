package org.npt4j.core.training;

/** Receives a {@link TrainingProgress} after every optimiser step, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores progress. */
    TrainingListener NONE = p -> {};

    /**
     * @param progress where training stands
     */
    void onProgress(TrainingProgress progress);
}
