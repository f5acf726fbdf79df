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
 * one per tenth of NPT's steps, and one with the fold's scores or the trainer's failure.
 */
final class LogProgress extends FoldProgress {

    private final PrintStream out;

    LogProgress(PrintStream out, List<String> trainers, int folds) {
        super(trainers, folds);
        this.out = out;
    }

    @Override
    void showStarted() {
        out.printf(Locale.ROOT, "%s: training%n", where());
    }

    @Override
    void showStep(TrainingProgress p, double fraction) {
        int every = Math.max(1, p.totalSteps() / 10);
        if (p.step() % every == 0 || p.step() == p.totalSteps()) {
            out.printf(Locale.ROOT, "%s: step %d/%d loss %.4f, ETA %s%n", where(), p.step(), p.totalSteps(), p.loss(),
                    timeLeft(System.nanoTime()));
        }
    }

    @Override
    void showFinished(FoldResult result) {
        if (!result.ok()) {
            out.printf(Locale.ROOT, "%s: %s, ETA %s%n", where(), result.failure(), timeLeft(System.nanoTime()));
            return;
        }
        StringBuilder line = new StringBuilder(where()).append(':');
        for (Map.Entry<Metric, Double> e : result.scores().entrySet()) {
            line.append(' ').append(e.getKey().name()).append(' ')
                    .append(e.getValue().isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4g", e.getValue()));
        }
        line.append(", ETA ").append(timeLeft(System.nanoTime()));
        out.println(line);
    }

    @Override
    public void close() {
        out.flush();
    }
}
