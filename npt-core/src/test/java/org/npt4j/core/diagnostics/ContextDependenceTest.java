package org.npt4j.core.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.ATTENTION_BETWEEN_DATAPOINTS;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * {@link ContextDependence} on tiny models: deterministic, in range, its clean metric the model's
 * own, and zero change for a model that cannot attend between datapoints where one that can moves.
 */
class ContextDependenceTest {

    /** Labels visible in the context at prediction (p_target 0.5), so corruption (a) can matter. */
    private static NptModel classifier;
    private static final Table QUERIES = Fixtures.rings(40, 21);
    private static final Table SMALL_POOL = Fixtures.rings(50, 22);

    private static NptConfig.Builder tiny() {
        return Fixtures.tiny().set(EMBEDDING_DIM, 8).set(STEPS, 100);
    }

    @BeforeAll
    static void train() {
        classifier = new NptTrainer(tiny().build()).fit(Fixtures.rings(120, 20), "label");
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedOtherCorruptions() {
        ContextDependenceResult first = ContextDependence.of(classifier, QUERIES, SMALL_POOL, 3L);
        ContextDependenceResult again = ContextDependence.of(classifier, QUERIES, SMALL_POOL, 3L);
        ContextDependenceResult other = ContextDependence.of(classifier, QUERIES, SMALL_POOL, 4L);
        assertEquals(first, again);
        assertNotEquals(Arrays.toString(first.effect(Corruption.FEATURES_PERMUTED).rowChanges()),
                Arrays.toString(other.effect(Corruption.FEATURES_PERMUTED).rowChanges()));
    }

    @Test
    void changesFlipsAndMetricsStayInRange() {
        ContextDependenceResult result = ContextDependence.of(classifier, QUERIES, SMALL_POOL, 3L);
        System.out.print(result.summary());
        assertEquals(List.of(Corruption.values()), result.effects().stream().map(CorruptionEffect::corruption).toList());
        assertTrue(result.categorical());
        assertTrue(result.contextLabelsVisible());
        assertEquals(40, result.queryRows());
        assertEquals(classifier.contextRowCount(), result.contextRows());
        for (CorruptionEffect e : result.effects()) {
            assertEquals(40, e.rowChanges().length);
            assertEquals(40, e.labelFlips().length);
            for (double change : e.rowChanges()) {
                assertTrue(change >= 0 && change <= 1 + 1e-9, e + ": a total-variation distance out of [0, 1]: " + change);
            }
            assertTrue(e.flipFraction() >= 0 && e.flipFraction() <= 1, e.toString());
            assertTrue(e.corruptedMetric() >= 0 && e.corruptedMetric() <= 1, e.toString());
        }
        // 50 pool rows cannot fill a context of 120 without repeats; the other corruptions draw nothing.
        assertTrue(result.effect(Corruption.CONTEXT_REPLACED).drawnWithReplacement());
        assertFalse(result.effect(Corruption.FEATURES_PERMUTED).drawnWithReplacement());
    }

    @Test
    void aPoolAsLargeAsTheContextIsDrawnWithoutReplacementAndNoPoolLeavesTheDrawOut() {
        ContextDependenceResult large = ContextDependence.of(classifier, QUERIES, Fixtures.rings(300, 23), 3L);
        assertFalse(large.effect(Corruption.CONTEXT_REPLACED).drawnWithReplacement());
        ContextDependenceResult none = ContextDependence.of(classifier, QUERIES, null, 3L);
        assertEquals(2, none.effects().size());
        assertThrows(NptInputException.class, () -> none.effect(Corruption.CONTEXT_REPLACED));
        // The first two corruptions do not depend on whether a pool was given.
        assertEquals(large.effect(Corruption.TARGETS_RANDOMISED), none.effect(Corruption.TARGETS_RANDOMISED));
        assertEquals(large.effect(Corruption.FEATURES_PERMUTED), none.effect(Corruption.FEATURES_PERMUTED));
    }

    @Test
    void theCleanMetricIsTheModelsOwnAccuracy() {
        ClassPredictions predicted = classifier.predict(QUERIES).classes("label");
        CategoricalColumn truth = (CategoricalColumn) QUERIES.column("label");
        int correct = 0;
        for (int i = 0; i < QUERIES.rowCount(); i++) {
            correct += predicted.label(i).equals(truth.get(i)) ? 1 : 0;
        }
        assertEquals((double) correct / QUERIES.rowCount(), ContextDependence.of(classifier, QUERIES, null, 3L).cleanMetric());
    }

    @Test
    void withoutAttentionBetweenDatapointsNoCorruptionMovesAPredictionWhileWithItTheyMove() {
        Table train = Fixtures.wave(120, 30);
        Table queries = Fixtures.wave(40, 31);
        Table pool = Fixtures.wave(120, 32);
        try (NptModel alone = new NptTrainer(tiny().set(ATTENTION_BETWEEN_DATAPOINTS, false).build()).fit(train, "y");
                NptModel together = new NptTrainer(tiny().build()).fit(train, "y")) {
            ContextDependenceResult without = ContextDependence.of(alone, queries, pool, 5L);
            ContextDependenceResult with = ContextDependence.of(together, queries, pool, 5L);
            System.out.print("without ABD: " + without.summary() + "with ABD: " + with.summary());
            assertFalse(without.categorical());
            for (CorruptionEffect e : without.effects()) {
                assertTrue(e.meanChange() < 1e-6, "a row scored on its own cannot depend on the context: " + e);
                assertEquals(without.cleanMetric(), e.corruptedMetric(), 1e-5);
            }
            // The same data and training with ABD: the context matters, so the check above can fail.
            assertTrue(with.effect(Corruption.TARGETS_RANDOMISED).meanChange() > 1e-3, with.summary());
            assertTrue(with.effect(Corruption.FEATURES_PERMUTED).meanChange() > 1e-3, with.summary());
        }
    }

    @Test
    void hiddenContextLabelsMakeRandomisingThemChangeNothing() {
        try (NptModel hidden = new NptTrainer(tiny().set(TARGET_MASK_PROBABILITY, 1.0).build()).fit(Fixtures.rings(120, 20), "label")) {
            ContextDependenceResult result = ContextDependence.of(hidden, QUERIES, null, 3L);
            assertFalse(result.contextLabelsVisible());
            assertEquals(0.0, result.effect(Corruption.TARGETS_RANDOMISED).meanChange());
            assertTrue(result.summary().contains("hidden"), result.summary());
        }
    }

    @Test
    void queriesWithoutTheTrueTargetOrAnEmptyPoolAreRefusedWithTheReason() {
        NptInputException noTarget = assertThrows(NptInputException.class,
                () -> ContextDependence.of(classifier, QUERIES.withoutColumns(List.of("label")), null, 1L));
        assertTrue(noTarget.getMessage().contains("'label'"), noTarget.getMessage());
        NptInputException emptyPool = assertThrows(NptInputException.class,
                () -> ContextDependence.of(classifier, QUERIES, QUERIES.selectRows(new int[0]), 1L));
        assertTrue(emptyPool.getMessage().contains("empty"), emptyPool.getMessage());
        NptInputException notTarget = assertThrows(NptInputException.class,
                () -> ContextDependence.of(classifier, "x1", QUERIES, null, 1L));
        assertTrue(notTarget.getMessage().contains("not a target"), notTarget.getMessage());
    }
}
