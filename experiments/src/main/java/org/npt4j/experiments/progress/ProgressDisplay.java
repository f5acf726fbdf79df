package org.npt4j.experiments.progress;

import java.io.PrintStream;
import java.util.List;
import org.npt4j.core.training.TrainingProgress;
import org.npt4j.experiments.score.FoldResult;

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
        public void resumed(FoldResult result) {}

        @Override
        public void close() {}
    };

    /**
     * A one-line bar redrawn in place, for a terminal.
     *
     * @param out where the bar goes
     * @param trainers the trainers' names, in the order they run on each fold
     * @param folds the number of folds
     * @return the display
     */
    static ProgressDisplay bar(PrintStream out, List<String> trainers, int folds) {
        return new TerminalProgress(out, trainers, folds);
    }

    /**
     * Plain lines, for a pipe, a file or a CI log.
     *
     * @param out where the lines go
     * @param trainers the trainers' names, in the order they run on each fold
     * @param folds the number of folds
     * @return the display
     */
    static ProgressDisplay log(PrintStream out, List<String> trainers, int folds) {
        return new LogProgress(out, trainers, folds);
    }

    /**
     * @param trainer the trainer about to train
     * @param fold the fold, from 0
     */
    void started(String trainer, int fold);

    /** @param progress NPT's latest training step */
    void step(TrainingProgress progress);

    /** @param result the fold just scored, or the trainer's failure on it */
    void finished(FoldResult result);

    /**
     * Counts a (fold, trainer) that an interrupted run finished and this one reads back instead of
     * training, so that the share done and the time left stay right.
     *
     * @param result the result read back
     */
    void resumed(FoldResult result);

    /** Ends the display (a terminal bar moves to a fresh line). */
    void close();
}
