package org.npt4j.experiments;

import org.npt4j.core.training.TrainingProgress;

/**
 * Tells the person running an experiment where it is: which fold and trainer, NPT's step and loss,
 * and how long is left. Called from the experiment's thread only.
 */
public interface ProgressDisplay {

    /** Shows nothing. */
    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void started(String trainer, int fold) {}

        @Override
        public void step(TrainingProgress progress) {}

        @Override
        public void finished(FoldResult result) {}

        @Override
        public void close() {}
    };

    /**
     * @param trainer the trainer about to train
     * @param fold the fold, from 0
     */
    void started(String trainer, int fold);

    /** @param progress NPT's latest training step */
    void step(TrainingProgress progress);

    /** @param result the fold just scored */
    void finished(FoldResult result);

    /** Ends the display (a terminal bar moves to a fresh line). */
    void close();
}
