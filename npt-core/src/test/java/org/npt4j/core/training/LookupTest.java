package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.diagnostics.ContextDependence;
import org.npt4j.core.diagnostics.ContextDependenceResult;
import org.npt4j.core.diagnostics.Corruption;
import org.npt4j.core.diagnostics.CorruptionEffect;
import org.npt4j.core.inference.AttentionMaps;
import org.npt4j.core.inference.NptModel;

/**
 * NPT solves the duplicate-row lookup task ({@link LookupTask}); the same model without attention
 * between datapoints cannot do better than the mean. The models are scored on new rows whose
 * duplicates are the stored context. The context-corruption diagnostic ({@link ContextDependence})
 * is checked here too, where the two models are already trained: the lookup depends on the context
 * almost entirely, the ablation not at all.
 */
class LookupTest {

    private static final int PAIRS = LookupTask.PAIRS;
    private static final String Y = "y";

    private static NptModel withLookup;
    private static NptModel withoutLookup;

    @BeforeAll
    static void trainBoth() {
        withLookup = LookupTask.train(true, Y);
        withoutLookup = LookupTask.train(false, Y);
    }

    /** The trained weights with new rows' duplicates as context. */
    private static NptModel withContext(NptModel trained, float[][] cells) {
        return trained.withContext(LookupTask.table(cells, PAIRS, 2 * PAIRS, Y));
    }

    private static double rmseOnNewRows(NptModel trained, long seed) {
        float[][] cells = LookupTask.pairs(new SplittableRandom(seed));
        try (NptModel model = withContext(trained, cells)) {
            double[] predicted = model.predict(LookupTask.table(cells, 0, PAIRS, null)).values(Y).values();
            double squared = IntStream.range(0, PAIRS)
                    .mapToDouble(i -> Math.pow(cells[LookupTask.FEATURES][i] - predicted[i], 2)).sum();
            return Math.sqrt(squared / PAIRS);
        }
    }

    @Test
    void nptLooksUpTheNoiseTargetOfTheDuplicate() {
        double rmse = rmseOnNewRows(withLookup, 99);
        assertTrue(rmse < 0.35, "NPT should recover pure-noise targets (std 1) from their duplicates, RMSE " + rmse);
    }

    @Test
    void withoutAttentionBetweenDatapointsTheTargetsStayUnpredictable() {
        double rmse = rmseOnNewRows(withoutLookup, 99);
        assertTrue(rmse > 0.8, "without ABD nothing beats the mean on noise targets, RMSE " + rmse);
    }

    @Test
    void eachRowAttendsMostToItsDuplicate() {
        float[][] cells = LookupTask.pairs(new SplittableRandom(123));
        try (NptModel model = withContext(withLookup, cells)) {
            AttentionMaps maps = model.attention(LookupTask.table(cells, 0, PAIRS, null));
            int hits = 0;
            for (int i = 0; i < PAIRS; i++) {
                if (AttentionMaps.topK(maps.meanOverHeads(i, 0), 1)[0] == i) {
                    hits++;
                }
            }
            assertTrue(hits >= 0.9 * PAIRS, "the duplicate is the most attended context row for " + hits + " of " + PAIRS);
        }
    }

    /** The corruptions on the lookup model's new rows, their duplicates as context and other rows' duplicates as pool. */
    private static ContextDependenceResult corrupted(NptModel trained) {
        float[][] cells = LookupTask.pairs(new SplittableRandom(99));
        float[][] others = LookupTask.pairs(new SplittableRandom(100));
        try (NptModel model = withContext(trained, cells)) {
            return ContextDependence.of(model, LookupTask.table(cells, 0, PAIRS, Y),
                    LookupTask.table(others, PAIRS, 2 * PAIRS, Y), 1L);
        }
    }

    @Test
    void everyContextCorruptionDestroysTheLookup() {
        ContextDependenceResult result = corrupted(withLookup);
        System.out.print("lookup task, with ABD: " + result.summary());
        assertFalse(result.effect(Corruption.CONTEXT_REPLACED).drawnWithReplacement());
        // Targets are N(0, 1): a prediction that moves from the duplicate's target to the mean moves
        // about 0.8 standard deviations, one that moves to another row's target about 1.1.
        for (CorruptionEffect e : result.effects()) {
            assertTrue(e.meanChange() > 0.5, "predictions should leave the duplicates' targets: " + result.summary());
            assertTrue(e.corruptedMetric() > 0.8, "no corruption leaves a duplicate to find: " + result.summary());
        }
    }

    @Test
    void withoutAttentionBetweenDatapointsNoContextCorruptionMovesAPrediction() {
        ContextDependenceResult result = corrupted(withoutLookup);
        System.out.print("lookup task, without ABD: " + result.summary());
        for (CorruptionEffect e : result.effects()) {
            assertTrue(e.meanChange() < 1e-6, "a row scored on its own cannot depend on the context: " + result.summary());
        }
    }
}
