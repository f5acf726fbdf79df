package org.npt4j.experiments.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void precisionRecallAndF1ComeFromTheCounts() {
        // a: 2 right, 1 called b; b: 1 right; c: 1 called a, none right.
        ConfusionMatrix m = ConfusionMatrix.of(CLASSES, List.of("a", "a", "a", "b", "c"), List.of("a", "a", "b", "b", "a"));
        assertEquals(2, m.count(0, 0));
        assertEquals(3, m.support(0));
        assertEquals(3, m.predicted(0));
        assertEquals(2.0 / 3, m.precision(0), 1e-12);
        assertEquals(2.0 / 3, m.recall(0), 1e-12);
        assertEquals(2.0 / 3, m.f1(0), 1e-12);
        assertEquals(0.5, m.precision(1), 1e-12);
        assertEquals(1.0, m.recall(1), 1e-12);
        assertEquals(2.0 / 3, m.f1(1), 1e-12, "harmonic mean of 1/2 and 1");
        assertTrue(Double.isNaN(m.precision(2)), "c was never predicted: no precision");
        assertEquals(0.0, m.recall(2));
        assertEquals(0.0, m.f1(2), "present but never found is an F1 of 0, not undefined");
    }

    @Test
    void aClassNeitherPresentNorPredictedHasNoFigures() {
        ConfusionMatrix m = ConfusionMatrix.of(CLASSES, List.of("a", "b"), List.of("a", "b"));
        assertTrue(Double.isNaN(m.precision(2)) && Double.isNaN(m.recall(2)) && Double.isNaN(m.f1(2)));
    }

    @Test
    void poolingSumsTheCells() {
        ConfusionMatrix one = ConfusionMatrix.of(CLASSES, List.of("a", "b"), List.of("a", "a"));
        ConfusionMatrix two = ConfusionMatrix.of(CLASSES, List.of("b", "c"), List.of("b", "c"));
        ConfusionMatrix sum = ConfusionMatrix.empty(CLASSES).plus(one).plus(two);
        assertEquals(1, sum.count(0, 0));
        assertEquals(1, sum.count(1, 0));
        assertEquals(1, sum.count(1, 1));
        assertEquals(1, sum.count(2, 2));
        assertEquals(0.5, sum.recall(1), 1e-12);
    }

    @Test
    void unknownClassesAndMismatchedListsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(CLASSES, List.of("d"), List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(CLASSES, List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.empty(CLASSES).plus(ConfusionMatrix.empty(List.of("a"))));
    }
}
