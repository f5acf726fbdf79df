package org.npt4j.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.CorrectedTTest;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * Every trainer against one base trainer (NPT), metric by metric, by the {@link CorrectedTTest} on
 * the folds both finished with a value for that metric: Weka Experimenter's comparison of every
 * column against one chosen base column, here with trainers as rows.
 */
public final class Significance {

    /**
     * The trainer every other is compared with.
     *
     * @param trainer its name
     * @param why why it is the base, in a few words for the legend
     */
    public record Base(String trainer, String why) {

        /**
         * The rule: the NPT trainer; the first of them if the experiment has several; the first
         * trainer if it has none, as the Experimenter's base column defaults to the first.
         *
         * @param trainers the trainers in display order
         * @param nptTrainers those among them that are NPT trainers
         * @return the base and why
         * @throws IllegalArgumentException if there are no trainers
         */
        public static Base choose(List<String> trainers, List<String> nptTrainers) {
            if (trainers.isEmpty()) {
                throw new IllegalArgumentException("No trainers to compare");
            }
            List<String> npt = trainers.stream().filter(nptTrainers::contains).toList();
            if (npt.isEmpty()) {
                return new Base(trainers.get(0), "the first trainer, as the experiment has no NPT trainer");
            }
            return new Base(npt.get(0), npt.size() == 1 ? "the NPT trainer"
                    : "the first of the NPT trainers " + String.join(", ", npt));
        }
    }

    private final Base base;
    private final double testTrainRatio;
    private final CorrectedTTest test;
    private final Map<String, Map<Metric, CorrectedTTest.Result>> results = new LinkedHashMap<>();

    /**
     * @param results every fold result, finished or failed
     * @param trainers the trainers in display order, the base among them
     * @param metrics the metrics to test
     * @param base the base trainer
     * @param testTrainRatio test rows over training rows per fold, from {@link #testTrainRatio(List)}
     * @param level the significance level
     * @throws IllegalArgumentException if the base is not among the trainers, or the level or the ratio is out of range
     */
    public Significance(List<FoldResult> results, List<String> trainers, List<Metric> metrics, Base base,
            double testTrainRatio, double level) {
        if (!trainers.contains(base.trainer())) {
            throw new IllegalArgumentException("The base trainer " + base.trainer() + " is not among " + trainers);
        }
        this.base = base;
        this.testTrainRatio = testTrainRatio;
        this.test = new CorrectedTTest(level);
        for (String t : trainers) {
            if (t.equals(base.trainer())) {
                continue;
            }
            Map<Metric, CorrectedTTest.Result> row = new LinkedHashMap<>();
            for (Metric m : metrics) {
                row.put(m, compare(results, t, m));
            }
            this.results.put(t, row);
        }
    }

    /** Pairs the trainer's folds with the base's by fold index, keeping folds where both have a value. */
    private CorrectedTTest.Result compare(List<FoldResult> all, String trainer, Metric metric) {
        Map<Integer, Double> own = values(all, trainer, metric);
        Map<Integer, Double> reference = values(all, base.trainer(), metric);
        own.keySet().retainAll(reference.keySet());
        double[] a = own.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = own.keySet().stream().mapToDouble(reference::get).toArray();
        return test.compare(a, b, testTrainRatio, metric);
    }

    private static Map<Integer, Double> values(List<FoldResult> all, String trainer, Metric metric) {
        Map<Integer, Double> out = new TreeMap<>();
        for (FoldResult r : all) {
            if (r.trainer().equals(trainer) && r.ok() && !Double.isNaN(r.get(metric))) {
                out.put(r.fold(), r.get(metric));
            }
        }
        return out;
    }

    /**
     * The ratio the test's correction needs. Every row outside a split's test set informs that
     * split's models (trained on, or used to pick NPT's checkpoint), so those rows count as
     * training rows; summed over the splits, this is exactly 1/(k − 1) for k-fold cross-validation
     * whatever the fold sizes.
     *
     * @param splits the splits every trainer ran on
     * @return total test rows over total training and validation rows; 0 for no splits
     */
    public static double testTrainRatio(List<Split> splits) {
        long test = 0;
        long train = 0;
        for (Split s : splits) {
            test += s.test().length;
            train += s.train().length + s.validation().length;
        }
        return train == 0 ? 0 : (double) test / train;
    }

    /** @return the base trainer */
    public Base base() {
        return base;
    }

    /** @return the significance level */
    public double level() {
        return test.level();
    }

    /** @return test rows over training rows per fold, as the correction used it */
    public double testTrainRatio() {
        return testTrainRatio;
    }

    /**
     * @param trainer a trainer other than the base
     * @param metric a tested metric
     * @return the trainer's test against the base on that metric
     * @throws IllegalArgumentException for the base or an unknown trainer
     */
    public CorrectedTTest.Result get(String trainer, Metric metric) {
        Map<Metric, CorrectedTTest.Result> row = results.get(trainer);
        if (row == null) {
            throw new IllegalArgumentException(trainer + (trainer.equals(base.trainer()) ? " is the base" : " is not compared"));
        }
        return row.get(metric);
    }

    /**
     * @param trainer a trainer
     * @param metric a metric
     * @return Weka's mark: "v" significantly better than the base, "*" significantly worse, "" otherwise (and for the base)
     */
    public String mark(String trainer, Metric metric) {
        if (trainer.equals(base.trainer())) {
            return "";
        }
        return switch (get(trainer, metric).outcome()) {
            case WIN -> "v";
            case LOSS -> "*";
            default -> "";
        };
    }

    /**
     * @param trainer a trainer other than the base
     * @param metrics some of the tested metrics
     * @return Weka's (v/ /*) count over them: wins, ties, losses, e.g. "(1/2/0)"; untested metrics are not counted
     */
    public String counts(String trainer, List<Metric> metrics) {
        int wins = 0;
        int ties = 0;
        int losses = 0;
        for (Metric m : metrics) {
            switch (get(trainer, m).outcome()) {
                case WIN -> wins++;
                case TIE -> ties++;
                case LOSS -> losses++;
                default -> { }
            }
        }
        return "(" + wins + "/" + ties + "/" + losses + ")";
    }

    /** @return the trainers compared with the base, in display order */
    public List<String> compared() {
        return new ArrayList<>(results.keySet());
    }
}
