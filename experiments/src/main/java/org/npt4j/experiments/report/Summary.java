package org.npt4j.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;
import org.npt4j.experiments.score.SampleMoments;

/**
 * Mean ± standard error of every metric per trainer over the folds: the comparison itself.
 * Folds on which a metric is NaN (a trainer without probabilities has no AUROC) are left out of
 * that metric's mean, and so are folds on which the trainer failed, which {@link #failures()} lists.
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

    /**
     * A trainer that failed on some folds.
     *
     * @param trainer the trainer's name
     * @param folds the folds it failed on, by index from 0, in order
     * @param of the folds it ran on, failed or not
     * @param firstMessage the first failure's message, which names the fold and the phase
     */
    public record Failure(String trainer, List<Integer> folds, int of, String firstMessage) {

        /** @return e.g. "cart failed on folds 1 and 3; its means are over 2 of 4 folds: ..." (folds counted from 1) */
        public String describe() {
            List<String> numbers = folds.stream().map(f -> Integer.toString(f + 1)).toList();
            String which = numbers.size() == 1 ? "fold " + numbers.get(0)
                    : "folds " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
            return trainer + " failed on " + which + "; its means are over " + (of - folds.size()) + " of " + of
                    + " folds. First error: " + firstMessage;
        }
    }

    private final List<String> trainers;
    private final List<Metric> metrics;
    private final Map<String, Map<Metric, Stat>> stats = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();

    /**
     * @param results every fold result, finished or failed, in fold order
     * @param trainers the trainers in display order
     * @param metrics the metrics in display order
     */
    public Summary(List<FoldResult> results, List<String> trainers, List<Metric> metrics) {
        this.trainers = List.copyOf(trainers);
        this.metrics = List.copyOf(metrics);
        for (String t : trainers) {
            List<FoldResult> own = results.stream().filter(r -> r.trainer().equals(t)).toList();
            Map<Metric, Stat> row = new LinkedHashMap<>();
            for (Metric m : metrics) {
                row.put(m, stat(own.stream().filter(FoldResult::ok).mapToDouble(r -> r.get(m)).filter(v -> !Double.isNaN(v)).toArray()));
            }
            stats.put(t, row);
            List<FoldResult> failed = own.stream().filter(r -> !r.ok()).toList();
            if (!failed.isEmpty()) {
                failures.add(new Failure(t, failed.stream().map(FoldResult::fold).toList(), own.size(), failed.get(0).failure()));
            }
        }
    }

    static Stat stat(double[] values) {
        SampleMoments m = SampleMoments.of(values);
        return new Stat(m.mean(), m.standardDeviation() / Math.sqrt(m.n()), m.n());
    }

    /** @return the trainers that failed on some fold, in display order; empty when every fold succeeded */
    public List<Failure> failures() {
        return List.copyOf(failures);
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
     * @return the trainer with the best mean on it, or null if none has a value; a trainer that failed
     *     on some fold is best only when every trainer did, since its mean is over other folds
     */
    public String best(Metric metric) {
        List<String> complete = trainers.stream().filter(t -> failures.stream().noneMatch(f -> f.trainer().equals(t))).toList();
        String best = null;
        for (String t : complete.isEmpty() ? trainers : complete) {
            double v = get(t, metric).mean();
            if (!Double.isNaN(v) && (best == null
                    || (metric.higherIsBetter() ? v > get(best, metric).mean() : v < get(best, metric).mean()))) {
                best = t;
            }
        }
        return best;
    }
}
