package org.npt4j.experiments.progress;

import java.util.List;
import java.util.Locale;
import org.npt4j.core.training.TrainingProgress;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * The bookkeeping every display shares: which trainer is on which fold, and the time-left estimate
 * fed from the same events. Subclasses only decide how to show it.
 */
abstract class FoldProgress implements ProgressDisplay {

    private final Eta eta;
    private final int folds;
    private String trainer = "";
    private int fold;

    /**
     * @param trainers the trainers' names, in the order they run on each fold
     * @param folds the number of folds
     */
    FoldProgress(List<String> trainers, int folds) {
        this.eta = new Eta(trainers, folds);
        this.folds = folds;
    }

    @Override
    public final void started(String trainer, int fold) {
        this.trainer = trainer;
        this.fold = fold;
        eta.started(trainer, System.nanoTime());
        showStarted();
    }

    @Override
    public final void step(TrainingProgress progress) {
        double fraction = (double) progress.step() / progress.totalSteps();
        eta.progressed(fraction, System.nanoTime());
        showStep(progress, fraction);
    }

    @Override
    public final void finished(FoldResult result) {
        eta.finished(result.trainer(), System.nanoTime());
        showFinished(result);
    }

    @Override
    public final void resumed(FoldResult result) {
        eta.resumed(result.trainer(), result.get(Metric.TRAIN_SECONDS));
    }

    /** Shows that the trainer in {@link #where} has begun its fold. */
    abstract void showStarted();

    /**
     * @param progress NPT's latest step
     * @param fraction the share of the current fold's training done
     */
    abstract void showStep(TrainingProgress progress, double fraction);

    /** @param result the scores of the fold in {@link #where}, or why the trainer failed on it */
    abstract void showFinished(FoldResult result);

    /** @return the current fold and trainer, as "fold 2/5 npt" */
    final String where() {
        return String.format(Locale.ROOT, "fold %d/%d %s", fold + 1, folds, trainer);
    }

    /**
     * @param unitFraction the share of the current trainer's fold done
     * @return the share of the whole experiment done
     */
    final double overall(double unitFraction) {
        return Math.min(1, (eta.done() + unitFraction) / eta.total());
    }

    /**
     * @param nanos the time now, from {@link System#nanoTime}
     * @return the estimated time left, formatted ("?" while nothing is known)
     */
    final String timeLeft(long nanos) {
        return Eta.format(eta.remaining(nanos));
    }
}
