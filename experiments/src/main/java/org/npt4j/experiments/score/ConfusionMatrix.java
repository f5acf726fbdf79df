package org.npt4j.experiments.score;

import java.util.List;

/**
 * Counts of (actual class, predicted class) over some test rows, and the per-class precision, recall
 * and F1 they give. Classes keep the order they are given in (the experiment passes the label
 * domain's sorted order, Tribuo's), so that every matrix of an experiment lines up with every other
 * and two runs write the same files.
 *
 * <p>Undefined ratios are NaN, not 0: precision of a class never predicted, recall of a class absent
 * from the test rows, F1 of a class neither present nor predicted. A mean over folds then leaves such
 * folds out instead of counting them as failures. F1 is 2·TP / (2·TP + FP + FN), which is 0, not
 * undefined, for a class that is present but never predicted correctly.
 */
public final class ConfusionMatrix {

    private final List<String> classes;
    private final long[][] counts;

    private ConfusionMatrix(List<String> classes, long[][] counts) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
    }

    /**
     * @param classes the classes, in the order rows and columns take
     * @return a matrix of zeros
     */
    public static ConfusionMatrix empty(List<String> classes) {
        return new ConfusionMatrix(classes, new long[classes.size()][classes.size()]);
    }

    /**
     * @param classes the classes, in the order rows and columns take
     * @param actual each test row's true class
     * @param predicted each test row's predicted class, aligned with {@code actual}
     * @return the counts
     * @throws IllegalArgumentException if the lists differ in length or name a class not in {@code classes}
     */
    public static ConfusionMatrix of(List<String> classes, List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException(actual.size() + " actual classes for " + predicted.size() + " predictions");
        }
        long[][] counts = new long[classes.size()][classes.size()];
        for (int i = 0; i < actual.size(); i++) {
            counts[index(classes, actual.get(i))][index(classes, predicted.get(i))]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    private static int index(List<String> classes, String c) {
        int i = classes.indexOf(c);
        if (i < 0) {
            throw new IllegalArgumentException("class '" + c + "' is not one of " + classes);
        }
        return i;
    }

    /**
     * @param other a matrix over the same classes
     * @return the cell-wise sum, as pooling two folds' test rows gives
     * @throws IllegalArgumentException if the classes differ
     */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        if (!classes.equals(other.classes)) {
            throw new IllegalArgumentException("classes " + classes + " and " + other.classes + " differ");
        }
        long[][] sum = new long[classes.size()][classes.size()];
        for (int a = 0; a < sum.length; a++) {
            for (int p = 0; p < sum.length; p++) {
                sum[a][p] = counts[a][p] + other.counts[a][p];
            }
        }
        return new ConfusionMatrix(classes, sum);
    }

    /** @return the classes, in row and column order */
    public List<String> classes() {
        return classes;
    }

    /**
     * @param actual a true class's index
     * @param predicted a predicted class's index
     * @return the rows of that true class predicted as that class
     */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /**
     * @param c a class's index
     * @return the test rows of that class
     */
    public long support(int c) {
        long n = 0;
        for (long v : counts[c]) {
            n += v;
        }
        return n;
    }

    /**
     * @param c a class's index
     * @return the test rows predicted as that class
     */
    public long predicted(int c) {
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    /**
     * @param c a class's index
     * @return TP / (TP + FP); NaN when nothing was predicted as the class
     */
    public double precision(int c) {
        return ratio(counts[c][c], predicted(c));
    }

    /**
     * @param c a class's index
     * @return TP / (TP + FN); NaN when no test row is of the class
     */
    public double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    /**
     * @param c a class's index
     * @return 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; NaN when the class is
     *     neither present nor predicted
     */
    public double f1(int c) {
        long tp = counts[c][c];
        return ratio(2 * tp, support(c) + predicted(c));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
