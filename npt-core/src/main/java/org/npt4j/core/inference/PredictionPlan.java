package org.npt4j.core.inference;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.SEED;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;

/**
 * Splits a prediction into forward passes whose size bounds memory. Each pass holds up to
 * {@code predictionBatchSize} query rows plus context rows: the whole context when the model was
 * trained full-batch or the context fits in a training batch next to the queries, otherwise a
 * seeded random sample of {@code batchSize − queries} context rows, as the reference's test-time
 * batches mix a share of training rows with the test rows.
 */
final class PredictionPlan {

    /**
     * @param contextRows indices into the model's context rows
     * @param queryRows indices into the rows to predict
     */
    record Pass(int[] contextRows, int[] queryRows) {}

    private PredictionPlan() {}

    static List<Pass> of(NptConfig config, int contextCount, int queryCount) {
        List<Pass> passes = new ArrayList<>();
        int perPass = config.get(PREDICTION_BATCH_SIZE);
        SplittableRandom rng = new SplittableRandom(config.get(SEED) ^ 0x5DEECE66DL);
        int[] everything = IntStream.range(0, contextCount).toArray();
        for (int start = 0; start < queryCount; start += perPass) {
            int end = Math.min(queryCount, start + perPass);
            int[] queries = IntStream.range(start, end).toArray();
            boolean whole = config.fullBatch() || contextCount + queries.length <= config.get(BATCH_SIZE);
            passes.add(new Pass(whole ? everything : sample(contextCount, config.get(BATCH_SIZE) - queries.length, rng), queries));
        }
        return passes;
    }

    /**
     * @param contextCount the model's context rows
     * @param queryCount the rows to predict
     * @return one pass of the whole context and every query, for joint prediction
     */
    static List<Pass> jointly(int contextCount, int queryCount) {
        return List.of(new Pass(IntStream.range(0, contextCount).toArray(), IntStream.range(0, queryCount).toArray()));
    }

    private static int[] sample(int n, int k, SplittableRandom rng) {
        int[] idx = IntStream.range(0, n).toArray();
        for (int a = 0; a < k; a++) {
            int b = a + rng.nextInt(n - a);
            int t = idx[a];
            idx[a] = idx[b];
            idx[b] = t;
        }
        int[] out = new int[k];
        System.arraycopy(idx, 0, out, 0, k);
        java.util.Arrays.sort(out);
        return out;
    }
}
