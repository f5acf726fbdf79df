package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * At the shipped defaults (the CPU preset: batches of 1,024 rows, passes of 256 queries) a context
 * of more than 2,000 rows no longer fits in one pass; a row's prediction must still depend on the
 * model and the row alone.
 */
class LargeContextIndependenceTest {

    private static final int CONTEXT = 2100;
    private static NptModel model;
    private static Table queries;

    @BeforeAll
    static void fit() {
        // Two steps are enough: what is tested is how the context is split, not what was learned.
        NptConfig defaults = NptConfig.builder(Preset.CPU_FAST).set(STEPS, 2).build();
        model = new NptTrainer(defaults).fit(Fixtures.rings(CONTEXT, 4), "label");
        queries = Fixtures.rings(300, 8).withoutColumns(List.of("label"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theContextIsSplitIntoAFixedPartition() {
        assertTrue(model.contextRowCount() > 2000, "the context is larger than a batch");
        List<int[]> chunks = PredictionPlan.contextChunks(model.config(), model.contextRowCount());
        assertTrue(chunks.size() > 1, "the context does not fit beside a pass of queries");
        assertEquals(model.contextRowCount(), chunks.stream().mapToInt(c -> c.length).sum(), "every context row counts once");
        assertEquals(chunks.size(), PredictionPlan.contextChunks(model.config(), model.contextRowCount()).size());
        for (int c = 0; c < chunks.size(); c++) {
            assertArrayEquals(chunks.get(c), PredictionPlan.contextChunks(model.config(), model.contextRowCount()).get(c));
        }
    }

    @Test
    void aRowAloneInABatchOrShuffledGetsTheSamePrediction() {
        double[][] batch = model.predict(queries).classes("label").probabilities();
        List<Integer> order = new ArrayList<>(IntStream.range(0, queries.rowCount()).boxed().toList());
        Collections.shuffle(order, new Random(3));
        int[] shuffled = order.stream().mapToInt(Integer::intValue).toArray();
        double[][] permuted = model.predict(queries.selectRows(shuffled)).classes("label").probabilities();
        for (int i = 0; i < shuffled.length; i++) {
            assertArrayEquals(batch[shuffled[i]], permuted[i], 1e-6, "row " + shuffled[i] + " in a shuffled batch");
        }
        for (int i : new int[] {0, 1, 137, 255, 256, 299}) {
            double[] alone = model.predict(queries.selectRows(new int[] {i})).classes("label").probabilities(0);
            assertArrayEquals(batch[i], alone, 1e-6, "row " + i + " alone");
        }
    }

    @Test
    void attentionIsSpreadOverEveryChunkAndSumsToAtMostOne() {
        double[] weights = model.attention(queries.selectRows(new int[] {5})).meanOverLayersAndHeads(0);
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        // The rest of the row's attention goes to itself, which the maps leave out.
        assertTrue(total > 0.5 && total <= 1 + 1e-6, "total attention over the context " + total);
        for (int[] chunk : PredictionPlan.contextChunks(model.config(), model.contextRowCount())) {
            assertTrue(IntStream.of(chunk).anyMatch(r -> weights[r] > 0), "every chunk is attended to");
        }
    }
}
