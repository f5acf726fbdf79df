package org.npt4j.experiments.progress;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npt4j.core.training.TrainingProgress;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * Progress as plain lines, for output that is not a terminal: one line when a trainer starts a fold,
 * one per tenth of NPT's steps, and one with the fold's scores.
 */
final class LogProgress implements ProgressDisplay {

    private final PrintStream out;
    private final Eta eta;
    private final int folds;
    private String trainer = "";
    private int fold;

    LogProgress(PrintStream out, List<String> trainers, int folds) {
        this.out = out;
        this.eta = new Eta(trainers, folds);
        this.folds = folds;
    }

    @Override
    public void started(String trainer, int fold) {
        this.trainer = trainer;
        this.fold = fold;
        eta.started(trainer, System.nanoTime());
        out.printf(Locale.ROOT, "fold %d/%d %s: training%n", fold + 1, folds, trainer);
    }

    @Override
    public void step(TrainingProgress p) {
        long now = System.nanoTime();
        eta.progressed((double) p.step() / p.totalSteps(), now);
        int every = Math.max(1, p.totalSteps() / 10);
        if (p.step() % every == 0 || p.step() == p.totalSteps()) {
            out.printf(Locale.ROOT, "fold %d/%d %s: step %d/%d loss %.4f, ETA %s%n", fold + 1, folds, trainer, p.step(),
                    p.totalSteps(), p.loss(), Eta.format(eta.remaining(now)));
        }
    }

    @Override
    public void finished(FoldResult result) {
        long now = System.nanoTime();
        eta.finished(result.trainer(), now);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "fold %d/%d %s:", fold + 1, folds, trainer));
        for (Map.Entry<Metric, Double> e : result.scores().entrySet()) {
            line.append(' ').append(e.getKey().name()).append(' ')
                    .append(e.getValue().isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4g", e.getValue()));
        }
        line.append(", ETA ").append(Eta.format(eta.remaining(now)));
        out.println(line);
    }

    @Override
    public void close() {
        out.flush();
    }
}
