package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.inference.AttentionMaps;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.masking.MaskedInputs;
import org.npt4j.core.metrics.Metrics;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.Table;

/**
 * The duplicate-row lookup task of the reference (brief 7.1 and 7.4). Every row's target is pure
 * noise, so no function of a row's own features predicts it; but each row has a duplicate in the
 * batch whose target is visible. NPT learns to find the duplicate by attending between datapoints
 * and copy its target; the same model without attention between datapoints cannot do better than
 * the mean.
 *
 * <p>As in the reference's duplicate mode, the data are drawn afresh for every batch (here from a
 * synthetic generator), so that memorising training targets is impossible and only lookup helps;
 * the models are then scored on new rows whose duplicates are the stored context.
 */
class LookupTest {

    private static final int FEATURES = 12;
    private static final int PAIRS = 64;
    private static final TableSchema SCHEMA = schema();

    private static NptModel withLookup;
    private static NptModel withoutLookup;

    private static TableSchema schema() {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            columns.add(new ColumnSpec("x" + j, false, new NumericalEncoder(0, 1)));
        }
        columns.add(new ColumnSpec("y", true, new NumericalEncoder(0, 1)));
        return new TableSchema(columns);
    }

    /** Rows 0..PAIRS-1 are the originals, rows PAIRS.. their duplicates; column-major cells. */
    private static float[][] pairs(RandomGenerator rng) {
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
        private int epochs;

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
                    new EncodedTable(SCHEMA, truth), rows);
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

    private static Table table(float[][] cells, int from, int to, boolean withTarget) {
        Table.Builder b = Table.builder();
        for (int j = 0; j <= FEATURES; j++) {
            if (j == FEATURES && !withTarget) {
                continue;
            }
            double[] v = new double[to - from];
            for (int i = from; i < to; i++) {
                v[i - from] = cells[j][i];
            }
            b.numeric(SCHEMA.column(j).name(), v);
        }
        return b.build();
    }

    private static NptModel train(boolean attentionBetweenDatapoints) {
        // p_target only tells prediction that context labels are inputs; FreshPairs decides training masks.
        NptConfig config = Fixtures.tiny().embeddingDim(16).heads(1).depth(2).hiddenDropout(0).attentionDropout(0)
                .featureMaskProbability(0).targetMaskProbability(0.5).tradeoffStart(0)
                .lrSchedule(NptConfig.LrSchedule.FLAT_AND_ANNEAL).flatProportion(0.9)
                .learningRate(3e-3).steps(1300)
                .attentionBetweenDatapoints(attentionBetweenDatapoints).build();
        TrainingRun run = new TrainingRun(config, ColumnLayout.of(SCHEMA), new FreshPairs(), List.of(),
                new TrainingRun.RowCounts(2 * PAIRS, 0, 0), new SplittableRandom(11), TrainingListener.NONE);
        TrainingRun.Result result = TrainingLock.run(run::execute);
        float[][] unused = pairs(new SplittableRandom(0));
        return new NptModel(config, SCHEMA, table(unused, PAIRS, 2 * PAIRS, true), result.weights(), result.summary());
    }

    @BeforeAll
    static void trainBoth() {
        withLookup = train(true);
        withoutLookup = train(false);
    }

    /** New rows, never trained on: their duplicates become the model's context. */
    private static double rmseOnNewRows(NptModel trained, long seed) {
        float[][] cells = pairs(new SplittableRandom(seed));
        try (NptModel model = new NptModel(trained.config(), SCHEMA, table(cells, PAIRS, 2 * PAIRS, true),
                trained.weights(), trained.summary())) {
            double[] predicted = model.predict(table(cells, 0, PAIRS, false)).values("y").values();
            double[] truth = new double[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                truth[i] = cells[FEATURES][i];
            }
            return Metrics.rmse(truth, predicted);
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
        float[][] cells = pairs(new SplittableRandom(123));
        try (NptModel model = new NptModel(withLookup.config(), SCHEMA, table(cells, PAIRS, 2 * PAIRS, true),
                withLookup.weights(), withLookup.summary())) {
            AttentionMaps maps = model.attention(table(cells, 0, PAIRS, false));
            int hits = 0;
            for (int i = 0; i < PAIRS; i++) {
                if (AttentionMaps.topK(maps.meanOverHeads(i, 0), 1)[0] == i) {
                    hits++;
                }
            }
            assertTrue(hits >= 0.9 * PAIRS, "the duplicate is the most attended context row for " + hits + " of " + PAIRS);
        }
    }
}
