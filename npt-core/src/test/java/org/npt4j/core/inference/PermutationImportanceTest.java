package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Permutation importance ranks the one column a target depends on above pure noise, for a class
 * and for a numerical target, is deterministic, and leaves constant columns at exactly 0.
 */
class PermutationImportanceTest {

    private static final List<String> NOISE = List.of("noise1", "noise2");

    /** Trained once: x1 decides the class, noise1 and noise2 are noise, flat is constant. */
    private static NptModel classifier;

    /** Context labels hidden at prediction (the paper's masking), so no row can look its own label up. */
    private static NptConfig.Builder config() {
        return Fixtures.tiny().set(TARGET_MASK_PROBABILITY, 1.0).set(STEPS, 60);
    }

    /**
     * @return columns x1, noise1, noise2 (uniform on [-1, 1]), flat (constant 1) and the target: label (x1 and, from {@code target}, the targetgt; 0) or y = 3·x1 + noise
     */
    private static Table table(int n, long seed, boolean classTarget) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] noise1 = new double[n];
        double[] noise2 = new double[n];
        double[] y = new double[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-1, 1);
            noise1[i] = r.nextDouble(-1, 1);
            noise2[i] = r.nextDouble(-1, 1);
            y[i] = 3 * x1[i] + 0.1 * r.nextDouble(-1, 1);
            label[i] = x1[i] > 0 ? "positive" : "negative";
        }
        Table.Builder b = Table.builder().numeric("x1", x1).numeric("noise1", noise1).numeric("noise2", noise2)
                .numeric("flat", filled(n, 1.0));
        return (classTarget ? b.categorical("label", label) : b.numeric("y", y)).build();
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    @BeforeAll
    static void train() {
        classifier = new NptTrainer(config().build()).fit(table(200, 11, true), "label");
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    private static void assertInformativeFirst(ColumnImportances importances) {
        double x1 = importances.importance("x1");
        for (String noise : NOISE) {
            assertTrue(x1 > importances.importance(noise), "x1 must outrank " + noise + ": " + importances);
        }
        assertEquals("x1", importances.ranked().get(0).column(), importances.toString());
    }

    @Test
    void theColumnThatDecidesTheClassOutranksNoise() {
        ColumnImportances importances = PermutationImportance.of(classifier);
        System.out.println("class target: " + importances);
        assertEquals(200, importances.rowsScored());
        assertEquals(List.of("x1", "noise1", "noise2", "flat"), List.copyOf(importances.byColumn().keySet()));
        assertInformativeFirst(importances);
        // Shuffling the deciding column should cost a good part of what the model knows.
        assertTrue(importances.importance("x1") > 0.1, importances.toString());
    }

    @Test
    void theColumnAValueDependsOnOutranksNoise() {
        try (NptModel regressor = new NptTrainer(config().build()).fit(table(200, 12, false), "y")) {
            ColumnImportances importances = PermutationImportance.of(regressor);
            System.out.println("numerical target: " + importances);
            assertInformativeFirst(importances);
            // Losses are MSE over the target's variance: a shuffled x1 should cost at least half of it.
            assertTrue(importances.importance("x1") > 0.5, importances.toString());
        }
    }

    @Test
    void aConstantColumnScoresExactlyZero() {
        assertEquals(0.0, PermutationImportance.of(classifier).importance("flat"));
    }

    @Test
    void theSameSeedGivesTheSameImportancesAndTheContextStaysAsItWas() {
        Table before = classifier.contextRows();
        ColumnImportances first = PermutationImportance.of(classifier, 120, 5L);
        ColumnImportances second = PermutationImportance.of(classifier, 120, 5L);
        assertEquals(first.byColumn(), second.byColumn());
        assertEquals(first.baselineLoss(), second.baselineLoss());
        assertEquals(120, first.rowsScored());
        assertEquals(before, classifier.contextRows());
        assertNotEquals(first.byColumn(), PermutationImportance.of(classifier, 120, 6L).byColumn(),
                "another seed draws other rows and shuffles");
    }

    @Test
    void rowsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> PermutationImportance.of(classifier, 0, 1L));
    }

    @Test
    void aPermutationMovesCellsMissingOnesIncludedAndTouchesNoOtherColumn() {
        double[] values = {1, Double.NaN, 3, 4, Double.NaN, 6, 7, 8};
        Table rows = Table.builder().numeric("a", values).numeric("b", new double[] {0, 1, 2, 3, 4, 5, 6, 7}).build();
        Table permuted = PermutationImportance.permuted(rows, "a", new SplittableRandom(3));
        double[] shuffled = ((NumericColumn) permuted.column("a")).values();
        assertNotEquals(Arrays.toString(values), Arrays.toString(shuffled), "the cells moved");
        double[] sortedBefore = values.clone();
        double[] sortedAfter = shuffled.clone();
        Arrays.sort(sortedBefore);
        Arrays.sort(sortedAfter);
        assertArrayEquals(sortedBefore, sortedAfter, "the same cells, both missing ones among them");
        assertEquals(rows.column("b"), permuted.column("b"));
    }

    @Test
    void drawnRowsAreDistinctSortedAndInRange() {
        int[] drawn = PermutationImportance.drawRows(50, 20, new SplittableRandom(9));
        assertEquals(20, drawn.length);
        for (int i = 1; i < drawn.length; i++) {
            assertTrue(drawn[i - 1] < drawn[i], Arrays.toString(drawn));
        }
        assertTrue(drawn[0] >= 0 && drawn[19] < 50, Arrays.toString(drawn));
        assertEquals(10, PermutationImportance.drawRows(10, 30, new SplittableRandom(9)).length);
    }
}
