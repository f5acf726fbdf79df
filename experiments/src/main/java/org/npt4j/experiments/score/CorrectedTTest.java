package org.npt4j.experiments.score;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The corrected resampled t-test of Nadeau and Bengio (2003, "Inference for the generalization
 * error", Machine Learning 52), the test Weka's Experimenter runs by default: a paired t-test on
 * per-fold differences whose variance is inflated for the overlap between the folds' training sets.
 *
 * <p>For paired differences d<sub>1..n</sub> (one per fold, both trainers on the same split) with
 * mean m and sample variance s² (denominator n − 1), the statistic is
 * t = m / √((1/n + n<sub>test</sub>/n<sub>train</sub>) · s²) on n − 1 degrees of freedom, and the
 * p-value is two-sided. The plain paired t-test has 1/n where this has
 * 1/n + n<sub>test</sub>/n<sub>train</sub>; without the correction, cross-validation folds, which
 * share most of their training rows, look far more independent than they are and the test calls
 * too many differences significant.
 *
 * <p>Degenerate cases: with fewer than two pairs there is no variance to test against, so the
 * result is {@link Outcome#UNTESTED}; with zero variance, equal non-zero differences are
 * significant in their direction (t = ±∞, p = 0) and all-zero differences are a tie (t = 0, p = 1).
 */
public final class CorrectedTTest {

    /** The significance level used unless an experiment sets another: Weka's default. */
    public static final double DEFAULT_LEVEL = 0.05;

    /** How a trainer fared against the one it is compared with, on one metric. */
    public enum Outcome {
        /** Significantly better, in the metric's direction. */
        WIN,
        /** No significant difference. */
        TIE,
        /** Significantly worse, in the metric's direction. */
        LOSS,
        /** Fewer than two paired folds: nothing to test. */
        UNTESTED
    }

    /**
     * One test's result.
     *
     * @param pairs the paired folds tested
     * @param meanDifference the mean of (trainer − base) over the pairs; NaN for none
     * @param t the corrected t statistic, its sign that of {@code meanDifference}; NaN when untested
     * @param p the two-sided p-value; NaN when untested
     * @param outcome the verdict from the trainer's side, in the metric's direction
     */
    public record Result(int pairs, double meanDifference, double t, double p, Outcome outcome) {}

    private final double level;

    /**
     * @param level the significance level, strictly between 0 and 1: a difference is significant when p ≤ level
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public CorrectedTTest(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("The significance level must be strictly between 0 and 1, found " + level);
        }
        this.level = level;
    }

    /** @return the significance level */
    public double level() {
        return level;
    }

    /**
     * Tests a trainer's per-fold scores against the base trainer's on the same folds.
     *
     * @param trainer the trainer's score on each paired fold
     * @param base the base trainer's score on the same folds, in the same order
     * @param testTrainRatio test rows over training rows per fold (1/(k − 1) for k-fold); 0 gives the uncorrected paired t-test
     * @param metric the metric, whose direction decides which sign is a win
     * @return the statistic, the p-value and the trainer's outcome
     * @throws IllegalArgumentException if the arrays differ in length or the ratio is negative or not finite
     */
    public Result compare(double[] trainer, double[] base, double testTrainRatio, Metric metric) {
        if (trainer.length != base.length) {
            throw new IllegalArgumentException(trainer.length + " scores paired with " + base.length);
        }
        double[] differences = new double[trainer.length];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = trainer[i] - base[i];
        }
        return test(differences, testTrainRatio, metric.higherIsBetter());
    }

    /**
     * @param differences the paired per-fold differences, trainer minus base
     * @param testTrainRatio test rows over training rows per fold; 0 gives the uncorrected paired t-test
     * @param higherIsBetter whether a positive mean difference favours the trainer
     * @return the statistic, the p-value and the trainer's outcome
     * @throws IllegalArgumentException if the ratio is negative or not finite
     */
    public Result test(double[] differences, double testTrainRatio, boolean higherIsBetter) {
        if (!(testTrainRatio >= 0 && Double.isFinite(testTrainRatio))) {
            throw new IllegalArgumentException("The test/train ratio must be finite and not negative, found " + testTrainRatio);
        }
        int n = differences.length;
        if (n < 2) {
            return new Result(n, n == 0 ? Double.NaN : differences[0], Double.NaN, Double.NaN, Outcome.UNTESTED);
        }
        SampleMoments moments = SampleMoments.of(differences);
        double mean = moments.mean();
        double variance = moments.variance();
        double t;
        double p;
        if (variance == 0) {
            // Every fold moved the same way by the same amount: as certain as a difference gets.
            t = mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
            p = mean == 0 ? 1 : 0;
        } else {
            t = mean / Math.sqrt((1.0 / n + testTrainRatio) * variance);
            // The lower tail at -|t|, doubled, keeps small p-values exact where 1 - cdf(|t|) would round to 0.
            p = Math.min(1, 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(t)));
        }
        Outcome outcome = p > level || mean == 0 ? Outcome.TIE : (mean > 0) == higherIsBetter ? Outcome.WIN : Outcome.LOSS;
        return new Result(n, mean, t, p, outcome);
    }
}
