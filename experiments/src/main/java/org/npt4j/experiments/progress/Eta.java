package org.npt4j.experiments.progress;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the time left in an experiment: the rest of the current (trainer, fold) from NPT's own
 * step rate, plus, for every (trainer, fold) still to come, the mean time that trainer took on
 * earlier folds. Before a trainer has finished a fold its future folds count as the current one's
 * estimate (for NPT) or as nothing (for the others, which take seconds).
 */
final class Eta {

    private final List<String> trainers;
    private final int folds;
    private final Map<String, double[]> seconds = new HashMap<>();
    private int done;
    private String current;
    private long currentStart;
    private double currentEstimate = Double.NaN;

    Eta(List<String> trainers, int folds) {
        this.trainers = trainers;
        this.folds = folds;
    }

    int total() {
        return trainers.size() * folds;
    }

    int done() {
        return done;
    }

    void started(String trainer, long nanos) {
        current = trainer;
        currentStart = nanos;
        currentEstimate = Double.NaN;
    }

    /** @param fraction share of the current unit done, from NPT's step counter */
    void progressed(double fraction, long nanos) {
        if (fraction > 0) {
            currentEstimate = (nanos - currentStart) / 1e9 / fraction;
        }
    }

    void finished(String trainer, long nanos) {
        double[] s = seconds.computeIfAbsent(trainer, t -> new double[2]);
        s[0] += (nanos - currentStart) / 1e9;
        s[1]++;
        done++;
        current = null;
    }

    /**
     * A unit finished by an earlier, interrupted run: done, and its training time counts towards the
     * trainer's mean like a unit timed now.
     *
     * @param trainer the trainer
     * @param trainSeconds the unit's training time as recorded, NaN if unknown
     */
    void resumed(String trainer, double trainSeconds) {
        if (!Double.isNaN(trainSeconds)) {
            double[] s = seconds.computeIfAbsent(trainer, t -> new double[2]);
            s[0] += trainSeconds;
            s[1]++;
        }
        done++;
    }

    /** @return the estimate, or null when nothing is known yet */
    Duration remaining(long nanos) {
        if (done == total()) {
            return Duration.ZERO;
        }
        double left = 0;
        boolean known = false;
        if (current != null) {
            double estimate = !Double.isNaN(currentEstimate) ? currentEstimate : mean(current);
            if (!Double.isNaN(estimate)) {
                left += Math.max(0, estimate - (nanos - currentStart) / 1e9);
                known = true;
            }
        }
        int unitsLeft = total() - done - (current == null ? 0 : 1);
        // Units run fold by fold, trainer by trainer; count what remains of each trainer.
        int position = done + (current == null ? 0 : 1);
        for (int u = position; u < position + unitsLeft; u++) {
            String t = trainers.get(u % trainers.size());
            double m = mean(t);
            if (Double.isNaN(m) && t.equals(current)) {
                m = currentEstimate;
            }
            if (!Double.isNaN(m)) {
                left += m;
                known = true;
            }
        }
        return known ? Duration.ofMillis(Math.round(left * 1000)) : null;
    }

    private double mean(String trainer) {
        double[] s = seconds.get(trainer);
        return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
    }

    static String format(Duration d) {
        if (d == null) {
            return "?";
        }
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
