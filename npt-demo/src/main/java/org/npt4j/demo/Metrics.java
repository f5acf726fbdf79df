package org.npt4j.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Evaluation metrics for held-out predictions, as the NPT paper reports them. */
public final class Metrics {

    private Metrics() {}

    /**
     * @param truth true class indices
     * @param predicted predicted class indices
     * @return the share of matches
     */
    public static double accuracy(int[] truth, int[] predicted) {
        int hits = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                hits++;
            }
        }
        return (double) hits / truth.length;
    }

    /**
     * Area under the ROC curve (Mann–Whitney statistic, ties counted half).
     *
     * @param positive whether each row belongs to the positive class
     * @param score the score of the positive class
     * @return AUROC, NaN when only one class occurs
     */
    public static double auroc(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * @param truth true class indices
     * @param probabilities predicted class probabilities [row][class]
     * @return mean negative log-likelihood, probabilities floored at 1e-15
     */
    public static double logLoss(int[] truth, double[][] probabilities) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum -= Math.log(Math.max(probabilities[i][truth[i]], 1e-15));
        }
        return sum / truth.length;
    }

    /**
     * @param truth true values
     * @param predicted predicted values
     * @return root mean squared error
     */
    public static double rmse(double[] truth, double[] predicted) {
        double ss = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = truth[i] - predicted[i];
            ss += d * d;
        }
        return Math.sqrt(ss / truth.length);
    }

    /**
     * @param truth true values
     * @param predicted predicted values
     * @return mean absolute error
     */
    public static double mae(double[] truth, double[] predicted) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += Math.abs(truth[i] - predicted[i]);
        }
        return s / truth.length;
    }

    /**
     * @param truth true values
     * @param predicted predicted values
     * @return coefficient of determination R²
     */
    public static double r2(double[] truth, double[] predicted) {
        double mean = Arrays.stream(truth).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < truth.length; i++) {
            ssRes += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            ssTot += (truth[i] - mean) * (truth[i] - mean);
        }
        return 1 - ssRes / ssTot;
    }
}
