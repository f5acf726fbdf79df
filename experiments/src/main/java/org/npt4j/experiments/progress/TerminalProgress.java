package org.npt4j.experiments.progress;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.training.TrainingProgress;
import org.npt4j.experiments.score.FoldResult;

/**
 * A one-line progress bar redrawn in place: overall share done, fold, trainer, NPT's step and loss,
 * and the time left. For terminals only; {@link LogProgress} serves pipes and CI logs.
 */
final class TerminalProgress implements ProgressDisplay {

    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final Eta eta;
    private final int folds;
    private String trainer = "";
    private int fold;
    private String detail = "";
    private long lastDraw;
    private int lastWidth;

    TerminalProgress(PrintStream out, List<String> trainers, int folds) {
        this.out = out;
        this.eta = new Eta(trainers, folds);
        this.folds = folds;
    }

    @Override
    public void started(String trainer, int fold) {
        this.trainer = trainer;
        this.fold = fold;
        this.detail = "training";
        eta.started(trainer, System.nanoTime());
        draw(0, true);
    }

    @Override
    public void step(TrainingProgress p) {
        double fraction = (double) p.step() / p.totalSteps();
        eta.progressed(fraction, System.nanoTime());
        detail = String.format(Locale.ROOT, "step %d/%d loss %.4f", p.step(), p.totalSteps(), p.loss());
        draw(fraction, p.step() == p.totalSteps());
    }

    @Override
    public void finished(FoldResult result) {
        eta.finished(result.trainer(), System.nanoTime());
        detail = "done";
        draw(0, true);
    }

    private void draw(double unitFraction, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double overall = Math.min(1, (eta.done() + unitFraction) / eta.total());
        int filled = (int) Math.round(overall * BAR);
        String line = String.format(Locale.ROOT, "[%s%s] %3.0f%% fold %d/%d %s %s ETA %s", "#".repeat(filled),
                "-".repeat(BAR - filled), 100 * overall, fold + 1, folds, trainer, detail, Eta.format(eta.remaining(now)));
        // Pad over the previous line's tail, since the bar redraws in place.
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        out.flush();
        lastWidth = line.length();
    }

    @Override
    public void close() {
        out.println();
        out.flush();
    }
}
