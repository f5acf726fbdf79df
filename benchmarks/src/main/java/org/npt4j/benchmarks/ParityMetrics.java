package org.npt4j.benchmarks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The metrics of the parity report, computed here so that they do not depend on any library's definition. */
final class ParityMetrics {

    private ParityMetrics() {}

    /**
     * @param predicted predicted labels
     * @param truth true labels
     * @return the share predicted right
     */
    static double accuracy(String[] predicted, String[] truth) {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += predicted[i].equals(truth[i]) ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    /**
     * Area under the ROC curve by the rank-sum (Mann–Whitney) formula: the positives' rank sum,
     * less its minimum, over positives × negatives; tied scores share their average rank, which
     * counts a tied positive–negative pair as half right.
     *
     * @param scores the positive class's score per row
     * @param positive whether each row is of the positive class
     * @return the AUROC, NaN when one class is absent
     */
    static double auroc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] rank = new double[n];
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1; // ranks from 1
            for (int k = start; k <= end; k++) {
                rank[order[k]] = average;
            }
            start = end + 1;
        }
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                positiveRanks += rank[i];
                positives++;
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * @param predicted predicted values
     * @param truth true values
     * @return the root mean squared error, in the values' units
     */
    static double rmse(double[] predicted, double[] truth) {
        double ss = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = predicted[i] - truth[i];
            ss += d * d;
        }
        return Math.sqrt(ss / truth.length);
    }

    /** @return the mean, NaN for no values */
    static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }

    /** @return the sample standard deviation (n − 1), NaN for fewer than two values */
    static double sampleStd(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
