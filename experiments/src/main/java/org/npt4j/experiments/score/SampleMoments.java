package org.npt4j.experiments.score;

/**
 * The mean and the sample variance (n − 1 denominator) of a set of per-fold values, computed in two
 * passes in a fixed order, so that every table and test built on them agrees to the last bit.
 *
 * @param mean the mean, NaN when there are no values
 * @param variance the sample variance, NaN when there are fewer than two values
 * @param n the number of values
 */
public record SampleMoments(double mean, double variance, int n) {

    /**
     * @param values the values
     * @return their mean and sample variance
     */
    public static SampleMoments of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new SampleMoments(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new SampleMoments(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new SampleMoments(mean, squares / (n - 1), n);
    }

    /** @return the sample standard deviation, NaN for fewer than two values */
    public double standardDeviation() {
        return Math.sqrt(variance);
    }
}
