package org.npt4j.core;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Table;

/**
 * The weight-versus-copy check that the core's, Tribuo's and Weka's row-weight tests share, so that
 * each measures the same thing through its own API. The labels say nothing of the features (every
 * third row "b"), so a model can only learn the class frequency, a third; weight 2 on every "b"
 * row, like a second copy of each, moves it to a half. Predictions of the weighted and the copied
 * table must differ by no more than twice what a new seed changes, while weighting must move them
 * by more than that.
 *
 * <p>Use it with {@link #settings}: every training label masked ({@code targetMaskProbability} 1,
 * the CPU preset's default), since with labels visible a copied row could read its twin's label, a
 * difference that copying makes and weighting cannot; and no validation rows held out, so that the
 * same rows train in both runs.
 */
public final class RowWeightChecks {

    /** The target column of {@link #uninformative}. */
    public static final String TARGET = "label";

    private RowWeightChecks() {}

    /** Trains on a table, weighted or not, through some API, and scores the test rows. */
    @FunctionalInterface
    public interface Scorer {
        /**
         * @param train the training rows, with row weights or without
         * @param test rows to score, with their target, which the API must not read (Weka's and Tribuo's test rows carry one)
         * @param seed the seed to train with
         * @return each test row's probability of "b"
         * @throws Exception if training fails
         */
        double[] probabilityOfB(Table train, Table test, long seed) throws Exception;
    }

    /**
     * The measured differences, each the mean over test rows of |p(b) − p'(b)|, and the mean p(b).
     *
     * @param weightedVsCopied weight 2 against a second copy, same seed
     * @param seedToSeed the mean of weighted seed 1 against seed 2 and copied seed 1 against seed 2
     * @param plain mean p(b) without weights
     * @param weighted mean p(b) with weight 2 on the "b" rows
     * @param copied mean p(b) with the "b" rows copied
     */
    public record Comparison(double weightedVsCopied, double seedToSeed, double plain, double weighted, double copied) {

        /** Asserts that weighting and copying agree within the seed noise, and that weighting has an effect beyond it. */
        public void assertWeightActsLikeACopy() {
            assertTrue(weightedVsCopied <= 2 * seedToSeed, "weight 2 against a copy differs by more than twice the seed noise: " + this);
            assertTrue(weighted - plain > 2 * seedToSeed, "weight 2 moves p(b) by less than twice the seed noise: " + this);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "|p_weighted - p_copied| %.4f, seed to seed %.4f; mean p(b) plain %.4f, "
                    + "weighted %.4f, copied %.4f", weightedVsCopied, seedToSeed, plain, weighted, copied);
        }
    }

    /**
     * @param config a small configuration
     * @return it with the settings this check needs: 40 steps, every label masked, no validation rows
     */
    public static NptConfig.Builder settings(NptConfig.Builder config) {
        return config.set(STEPS, 40).set(TARGET_MASK_PROBABILITY, 1.0).set(VALIDATION_FRACTION, 0.0);
    }

    /**
     * @param n rows
     * @param seed seed of the features
     * @return two uniform numerical features x1, x2 and a categorical {@link #TARGET} independent of
     *     them: "b" in every third row, "a" in the others
     */
    public static Table uninformative(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-1, 1);
            x2[i] = r.nextDouble(-1, 1);
            label[i] = i % 3 == 0 ? "b" : "a";
        }
        return Table.builder().numeric("x1", x1).numeric("x2", x2).categorical(TARGET, label).build();
    }

    /**
     * Trains five models (plain; weighted and copied, each with seeds 1 and 2) on 60 rows and scores 30 others.
     *
     * @param scorer the API under test
     * @return the measurements
     * @throws Exception if training fails
     */
    public static Comparison weightTwoVersusCopy(Scorer scorer) throws Exception {
        Table table = uninformative(60, 11);
        Table test = uninformative(30, 12);
        CategoricalColumn labels = (CategoricalColumn) table.column(TARGET);
        int[] bRows = IntStream.range(0, table.rowCount()).filter(i -> labels.get(i).equals("b")).toArray();
        double[] weights = new double[table.rowCount()];
        Arrays.fill(weights, 1.0);
        for (int r : bRows) {
            weights[r] = 2.0;
        }
        Table weighted = table.withRowWeights(weights);
        Table copied = table.appendRows(table.selectRows(bRows));

        double[] weighted1 = scorer.probabilityOfB(weighted, test, 1);
        double[] weighted2 = scorer.probabilityOfB(weighted, test, 2);
        double[] copied1 = scorer.probabilityOfB(copied, test, 1);
        double[] copied2 = scorer.probabilityOfB(copied, test, 2);
        double[] plain = scorer.probabilityOfB(table, test, 1);
        return new Comparison(meanAbsoluteDifference(weighted1, copied1),
                (meanAbsoluteDifference(weighted1, weighted2) + meanAbsoluteDifference(copied1, copied2)) / 2,
                mean(plain), mean(weighted1), mean(copied1));
    }

    private static double meanAbsoluteDifference(double[] a, double[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> Math.abs(a[i] - b[i])).average().orElseThrow();
    }

    private static double mean(double[] a) {
        return Arrays.stream(a).average().orElseThrow();
    }
}
