package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.CLASS_BALANCED_BATCHES;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.STEPS;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** Mini-batches keep the row mix; validation hold-outs are stratified; mini-batched fits work end to end. */
class BatchingTest {

    private static RowRole[] mixedRoles(int n) {
        RowRole[] roles = new RowRole[n];
        for (int i = 0; i < n; i++) {
            roles[i] = i % 10 < 7 ? RowRole.TRAIN : i % 10 < 9 ? RowRole.VALIDATION : RowRole.TEST;
        }
        return roles;
    }

    @Test
    void everyRowOnceAndEachBatchKeepsTheRoleMix() {
        int n = 1000;
        RowRole[] roles = mixedRoles(n);
        List<int[]> batches = new MiniBatcher(roles, null, 128).plan(new SplittableRandom(1));
        assertEquals(8, batches.size());
        int[] seen = new int[n];
        for (int[] b : batches) {
            assertTrue(b.length == 125, "near-equal batch sizes, got " + b.length);
            long train = Arrays.stream(b).filter(i -> roles[i] == RowRole.TRAIN).count();
            long test = Arrays.stream(b).filter(i -> roles[i] == RowRole.TEST).count();
            assertEquals(87.5, train, 1.0);
            assertEquals(12.5, test, 1.0);
            for (int i : b) {
                seen[i]++;
            }
        }
        assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
    }

    @Test
    void classBalancedBatchesKeepTheClassMixOfTrainingRows() {
        int n = 400;
        RowRole[] roles = Fixtures.roles(n, RowRole.TRAIN);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i < 40 ? 1 : 0;
        }
        for (int[] b : new MiniBatcher(roles, classes, 100).plan(new SplittableRandom(3))) {
            assertEquals(10, Arrays.stream(b).filter(i -> classes[i] == 1).count());
        }
    }

    @Test
    void smallTablesAreOneBatchInOrder() {
        List<int[]> b = new MiniBatcher(Fixtures.roles(5, RowRole.TRAIN), null, -1).plan(new SplittableRandom(1));
        assertEquals(1, b.size());
        assertEquals(List.of(0, 1, 2, 3, 4), Arrays.stream(b.get(0)).boxed().toList());
    }

    @Test
    void validationHoldOutIsStratifiedAndLeavesEveryClassInTraining() {
        Table t = Fixtures.rings(100, 1);
        RowRole[] roles = ValidationSplitter.split(t, List.of("label"), Fixtures.roles(100, RowRole.TRAIN), 0.2,
                new SplittableRandom(1));
        CategoricalColumn label = (CategoricalColumn) t.column("label");
        for (String c : List.of("inner", "outer")) {
            long val = java.util.stream.IntStream.range(0, 100)
                    .filter(i -> roles[i] == RowRole.VALIDATION && c.equals(label.get(i))).count();
            assertEquals(10, val, c);
        }
        RowRole[] tiny = ValidationSplitter.split(Fixtures.rings(2, 1), List.of("label"), Fixtures.roles(2, RowRole.TRAIN),
                0.5, new SplittableRandom(1));
        assertTrue(Arrays.stream(tiny).allMatch(r -> r == RowRole.TRAIN), "a class with one row keeps it for training");
        RowRole[] given = mixedRoles(20);
        assertEquals(Arrays.asList(given), Arrays.asList(ValidationSplitter.split(Fixtures.rings(20, 1), List.of("label"),
                given, 0.2, new SplittableRandom(1))), "given validation rows are kept as they are");
    }

    @Test
    void miniBatchedTrainingAndSampledContextPredictionWork() {
        Table t = Fixtures.rings(120, 6);
        try (NptModel m = new NptTrainer(Fixtures.tiny().set(STEPS, 12).set(BATCH_SIZE, 32).set(PREDICTION_BATCH_SIZE, 8)
                .set(CLASS_BALANCED_BATCHES, true).build()).fit(t, "label")) {
            assertTrue(m.summary().epochs() >= 3, "several batches per epoch: " + m.summary());
            double[][] p = m.predict(Fixtures.rings(20, 7)).classes("label").probabilities();
            assertEquals(20, p.length);
            for (double[] row : p) {
                assertEquals(1.0, row[0] + row[1], 1e-6);
            }
        }
    }
}
