package org.npt4j.experiments.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * Mean ± standard error of every metric per trainer over the folds: the comparison itself.
 * Folds on which a metric is NaN (a trainer without probabilities has no AUROC) are left out of
 * that metric's mean.
 */
public final class Summary {

    /**
     * @param mean the mean over folds
     * @param standardError the sample standard deviation over √n; NaN for one fold
     * @param n the folds that gave a value
     */
    public record Stat(double mean, double standardError, int n) {

        /** @return "mean ± s.e." with four significant digits */
        public String format() {
            if (n == 0) {
                return "n/a";
            }
            return Double.isNaN(standardError) ? String.format(Locale.ROOT, "%.4g", mean)
                    : String.format(Locale.ROOT, "%.4g ± %.2g", mean, standardError);
        }
    }

    private final List<String> trainers;
    private final List<Metric> metrics;
    private final Map<String, Map<Metric, Stat>> stats = new LinkedHashMap<>();

    /**
     * @param results every fold result
     * @param trainers the trainers in display order
     * @param metrics the metrics in display order
     */
    public Summary(List<FoldResult> results, List<String> trainers, List<Metric> metrics) {
        this.trainers = List.copyOf(trainers);
        this.metrics = List.copyOf(metrics);
        for (String t : trainers) {
            Map<Metric, Stat> row = new LinkedHashMap<>();
            for (Metric m : metrics) {
                row.put(m, stat(results.stream().filter(r -> r.trainer().equals(t)).mapToDouble(r -> r.get(m))
                        .filter(v -> !Double.isNaN(v)).toArray()));
            }
            stats.put(t, row);
        }
    }

    static Stat stat(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Stat(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new Stat(mean, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Stat(mean, Math.sqrt(ss / (n - 1)) / Math.sqrt(n), n);
    }

    /** @return the trainers in display order */
    public List<String> trainers() {
        return trainers;
    }

    /** @return the metrics in display order */
    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * @param trainer a trainer
     * @param metric a metric
     * @return the trainer's mean ± s.e. on it
     */
    public Stat get(String trainer, Metric metric) {
        return stats.get(trainer).get(metric);
    }

    /**
     * @param metric a metric
     * @return the trainer with the best mean on it, or null if none has a value
     */
    public String best(Metric metric) {
        String best = null;
        for (String t : trainers) {
            double v = get(t, metric).mean();
            if (!Double.isNaN(v) && (best == null
                    || (metric.higherIsBetter() ? v > get(best, metric).mean() : v < get(best, metric).mean()))) {
                best = t;
            }
        }
        return best;
    }
}
