package org.npt4j.core.training;

import static org.npt4j.core.Settings.ATTENTION_BETWEEN_DATAPOINTS;
import static org.npt4j.core.Settings.ATTENTION_DROPOUT;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.FEATURE_MASK_PROBABILITY;
import static org.npt4j.core.Settings.FLAT_PROPORTION;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.HIDDEN_DROPOUT;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.LR_SCHEDULE;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;
import static org.npt4j.core.Settings.TRADEOFF_START;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.npt4j.core.Fixtures;
import org.npt4j.core.LearningRateSchedule;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.masking.MaskedInputs;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.Table;

/**
 * The duplicate-row lookup task of the reference (brief 7.1 and 7.4), shared by the core's
 * {@code LookupTest} and the adapters' explanation tests. Every row's target is pure noise, so no
 * function of a row's own features predicts it; but each row has a duplicate in the batch whose
 * target is visible. NPT learns to find the duplicate by attending between datapoints and copy its
 * target.
 *
 * <p>As in the reference's duplicate mode, the data are drawn afresh for every batch, so that
 * memorising training targets is impossible and only lookup helps. Features are {@code x0..x11}.
 */
public final class LookupTask {

    /** Number of feature columns. */
    public static final int FEATURES = 12;
    /** Rows per half: originals 0..PAIRS-1, duplicates PAIRS..2*PAIRS-1. */
    public static final int PAIRS = 64;

    private LookupTask() {}

    /**
     * @param target the target column name
     * @return x0..x11 and the target, all numerical and already standardised
     */
    public static TableSchema schema(String target) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            columns.add(new ColumnSpec("x" + j, false, new NumericalEncoder(0, 1)));
        }
        columns.add(new ColumnSpec(target, true, new NumericalEncoder(0, 1)));
        return new TableSchema(columns);
    }

    /**
     * @param rng the random source
     * @return column-major cells: rows 0..PAIRS-1 are the originals, rows PAIRS.. their duplicates
     */
    public static float[][] pairs(RandomGenerator rng) {
        float[][] cells = new float[FEATURES + 1][2 * PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            for (int j = 0; j <= FEATURES; j++) {
                float v = (float) (j < FEATURES ? rng.nextDouble(-2, 2) : rng.nextGaussian());
                cells[j][i] = v;
                cells[j][PAIRS + i] = v;
            }
        }
        return cells;
    }

    /** A fresh table every step: originals' targets masked and scored, duplicates' targets visible. */
    private static final class FreshPairs implements TrainingBatches {
        private final TableSchema schema;
        private int epochs;

        FreshPairs(TableSchema schema) {
            this.schema = schema;
        }

        @Override
        public MaskedBatch next(RandomGenerator rng) {
            epochs++;
            float[][] truth = pairs(rng);
            float[][] input = new float[truth.length][];
            boolean[][] targetScored = new boolean[truth.length][2 * PAIRS];
            for (int j = 0; j < truth.length; j++) {
                input[j] = truth[j].clone();
            }
            for (int i = 0; i < PAIRS; i++) {
                input[FEATURES][i] = Float.NaN;
                targetScored[FEATURES][i] = true;
            }
            int[] rows = java.util.stream.IntStream.range(0, 2 * PAIRS).toArray();
            return MaskedBatch.of(new MaskedInputs(input, new boolean[truth.length][2 * PAIRS], targetScored),
                    new EncodedTable(schema, truth), rows);
        }

        @Override
        public boolean epochComplete() {
            return true;
        }

        @Override
        public int epochs() {
            return epochs;
        }
    }

    /**
     * @param cells cells from {@link #pairs}
     * @param from first row
     * @param to row after the last
     * @param target the target column name, or null to leave the target out
     * @return those rows as a table
     */
    public static Table table(float[][] cells, int from, int to, String target) {
        Table.Builder b = Table.builder();
        for (int j = 0; j <= FEATURES; j++) {
            if (j == FEATURES && target == null) {
                continue;
            }
            double[] v = new double[to - from];
            for (int i = from; i < to; i++) {
                v[i - from] = cells[j][i];
            }
            b.numeric(j == FEATURES ? target : "x" + j, v);
        }
        return b.build();
    }

    /**
     * Trains on fresh pairs for 1,300 steps.
     *
     * @param attentionBetweenDatapoints false for the ablation that cannot look rows up
     * @param target the target column name
     * @return the model, with some duplicates as its context (replace them with
     *     {@code new NptModel(config, schema, context, weights, summary)})
     */
    public static NptModel train(boolean attentionBetweenDatapoints, String target) {
        TableSchema schema = schema(target);
        // p_target only tells prediction that context labels are inputs; FreshPairs decides training masks.
        NptConfig config = Fixtures.tiny().set(EMBEDDING_DIM, 16).set(HEADS, 1).set(DEPTH, 2).set(HIDDEN_DROPOUT, 0.0).set(ATTENTION_DROPOUT, 0.0)
                .set(FEATURE_MASK_PROBABILITY, 0.0).set(TARGET_MASK_PROBABILITY, 0.5).set(TRADEOFF_START, 0.0)
                .set(LR_SCHEDULE, LearningRateSchedule.FLAT_AND_ANNEAL).set(FLAT_PROPORTION, 0.9)
                .set(LEARNING_RATE, 3e-3).set(STEPS, 1300)
                .set(ATTENTION_BETWEEN_DATAPOINTS, attentionBetweenDatapoints).build();
        TrainingRun run = new TrainingRun(config, ColumnLayout.of(schema), new FreshPairs(schema), List.of(),
                new TrainingRun.RowCounts(2 * PAIRS, 0, 0), new SplittableRandom(11), TrainingListener.NONE, false);
        TrainingRun.Result result = TrainingLock.run(run::execute);
        float[][] unused = pairs(new SplittableRandom(0));
        return new NptModel(config, schema, table(unused, PAIRS, 2 * PAIRS, target), result.weights(), result.summary());
    }
}
