package org.npt4j.core.inference;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.SEED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;

/**
 * Splits a prediction into forward passes whose size bounds memory, so that every row's prediction
 * is a function of the model and the row alone. Each pass holds up to {@code predictionBatchSize}
 * query rows plus context rows:
 *
 * <ul>
 *   <li>the whole context, when the model was trained full-batch or the context fits in a training
 *       batch beside a full pass of queries ({@code context + predictionBatchSize <= batchSize});</li>
 *   <li>otherwise one chunk of a fixed partition of the context: the context rows, shuffled by the
 *       model's seed, dealt into the fewest chunks of at most {@code batchSize − predictionBatchSize}
 *       rows. Every query is scored against every chunk and its outputs (class probabilities, or
 *       standardised values) are averaged over the chunks, so each context row counts once and the
 *       chunks depend on the model alone, never on the other queries. This costs one pass per chunk
 *       per pass of queries: the work grows with the context, as a full pass over it would.</li>
 * </ul>
 *
 * Queries attend to the context and to themselves only (the network's query mask), so the other
 * queries of a pass change nothing either.
 */
final class PredictionPlan {

    /**
     * @param contextRows indices into the model's context rows
     * @param queryRows indices into the rows to predict
     * @param share the weight of this pass's outputs in each query's average (1 / number of chunks)
     */
    record Pass(int[] contextRows, int[] queryRows, double share) {}

    private PredictionPlan() {}

    static List<Pass> of(NptConfig config, int contextCount, int queryCount) {
        int perPass = config.get(PREDICTION_BATCH_SIZE);
        List<int[]> chunks = contextChunks(config, contextCount);
        List<Pass> passes = new ArrayList<>();
        for (int start = 0; start < queryCount; start += perPass) {
            int[] queries = IntStream.range(start, Math.min(queryCount, start + perPass)).toArray();
            for (int[] chunk : chunks) {
                passes.add(new Pass(chunk, queries, 1.0 / chunks.size()));
            }
        }
        return passes;
    }

    /**
     * @param config the model's configuration
     * @param contextCount the model's context rows
     * @return the context rows each pass attends to: the whole context, or the chunks of its fixed partition
     */
    static List<int[]> contextChunks(NptConfig config, int contextCount) {
        int[] everything = IntStream.range(0, contextCount).toArray();
        int room = config.get(BATCH_SIZE) - config.get(PREDICTION_BATCH_SIZE);
        if (config.fullBatch() || contextCount <= room) {
            return List.of(everything);
        }
        int[] shuffled = everything.clone();
        SplittableRandom rng = new SplittableRandom(config.get(SEED) ^ 0x5DEECE66DL);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        int count = (contextCount + room - 1) / room;
        List<int[]> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            // Dealt evenly: chunk sizes differ by at most one row.
            int from = (int) ((long) contextCount * c / count);
            int to = (int) ((long) contextCount * (c + 1) / count);
            int[] chunk = Arrays.copyOfRange(shuffled, from, to);
            Arrays.sort(chunk);
            chunks.add(chunk);
        }
        return chunks;
    }

    /**
     * @param contextCount the model's context rows
     * @param queryCount the rows to predict
     * @return one pass of the whole context and every query, for joint prediction
     */
    static List<Pass> jointly(int contextCount, int queryCount) {
        return List.of(new Pass(IntStream.range(0, contextCount).toArray(), IntStream.range(0, queryCount).toArray(), 1.0));
    }
}
