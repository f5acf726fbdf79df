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
final class TerminalProgress extends FoldProgress {

    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private String detail = "";
    private long lastDraw;
    private int lastWidth;

    TerminalProgress(PrintStream out, List<String> trainers, int folds) {
        super(trainers, folds);
        this.out = out;
    }

    @Override
    void showStarted() {
        detail = "training";
        draw(0, true);
    }

    @Override
    void showStep(TrainingProgress p, double fraction) {
        detail = String.format(Locale.ROOT, "step %d/%d loss %.4f", p.step(), p.totalSteps(), p.loss());
        draw(fraction, p.step() == p.totalSteps());
    }

    @Override
    void showFinished(FoldResult result) {
        if (!result.ok()) {
            // A line of its own above the bar, which the next fold would otherwise redraw over.
            String line = where() + ": " + result.failure();
            out.println("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = 0;
        }
        detail = result.ok() ? "done" : "failed";
        draw(0, true);
    }

    private void draw(double unitFraction, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double overall = overall(unitFraction);
        int filled = (int) Math.round(overall * BAR);
        String line = String.format(Locale.ROOT, "[%s%s] %3.0f%% %s %s ETA %s", "#".repeat(filled),
                "-".repeat(BAR - filled), 100 * overall, where(), detail, timeLeft(now));
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
