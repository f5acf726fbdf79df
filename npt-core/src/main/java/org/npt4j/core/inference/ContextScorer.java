package org.npt4j.core.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.TableEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.masking.TableMasker;
import org.npt4j.core.table.Table;

/**
 * Scores new rows against a model's stored context: encodes them, runs the passes of the {@link
 * PredictionPlan} (context rows, then query rows whose targets are masked), and decodes each
 * target's outputs to probabilities or values in original units, placing attention weights at
 * their context row numbers. The scoring part of {@link NptModel}.
 */
final class ContextScorer {

    private final NptConfig config;
    private final TableSchema schema;
    private final EncodedTable context;
    private final NativeSession session;

    ContextScorer(NptConfig config, TableSchema schema, EncodedTable context, NativeSession session) {
        this.config = config;
        this.schema = schema;
        this.context = context;
        this.session = session;
    }

    /**
     * @param rows the rows to predict
     * @param recordAttention whether to return each row's ABD attention over the context
     * @param jointly whether to score every row in one pass in which the rows attend to one another
     *     (the reference's evaluation) instead of each against the context alone
     * @return the predictions, and the attention if recorded
     */
    AttendedPredictions score(Table rows, boolean recordAttention, boolean jointly) {
        EncodedTable queries = TableEncoder.encode(rows, schema, false);
        int[] targets = schema.targetIndices();
        int n = queries.rowCount();
        double[][][] outputs = new double[targets.length][n][];
        int contextCount = context.rowCount();
        float[][][][] attention = recordAttention ? new float[n][][][] : null;
        int layers = 0;
        int heads = 0;
        Lock lock = session.useLock();
        lock.lock();
        try {
            InferenceSession s = session.open();
            List<PredictionPlan.Pass> plan = jointly ? PredictionPlan.jointly(contextCount, n) : PredictionPlan.of(config, contextCount, n);
            for (PredictionPlan.Pass pass : plan) {
                EncodedTable input = context.selectRows(pass.contextRows())
                        .append(queries.selectRows(pass.queryRows()));
                int ctx = pass.contextRows().length;
                MaskedBatch batch = MaskedBatch.of(TableMasker.forPrediction(input, ctx, config.stochasticTargetMasking()),
                        input, IntStream.range(0, input.rowCount()).toArray());
                InferenceSession.PassOutput out = s.run(batch, ctx, targets, recordAttention, jointly);
                for (int t = 0; t < targets.length; t++) {
                    int width = schema.column(targets[t]).encoder().outputWidth();
                    for (int q = 0; q < pass.queryRows().length; q++) {
                        int row = pass.queryRows()[q];
                        if (outputs[t][row] == null) {
                            outputs[t][row] = new double[width];
                        }
                        // A query scored against several context chunks gets the average of their outputs.
                        for (int k = 0; k < width; k++) {
                            outputs[t][row][k] += pass.share() * out.targets()[t][q * width + k];
                        }
                    }
                }
                if (recordAttention && out.attention().length > 0) {
                    layers = out.attention().length;
                    heads = out.attention()[0].length;
                    scatterAttention(attention, out.attention(), pass, contextCount);
                }
            }
        } finally {
            lock.unlock();
        }
        List<ColumnPrediction> columns = new ArrayList<>();
        for (int t = 0; t < targets.length; t++) {
            columns.add(decode(schema.column(targets[t]), outputs[t]));
        }
        AttentionMaps maps = recordAttention ? new AttentionMaps(layers, heads, contextCount, attention) : null;
        return new AttendedPredictions(new Predictions(n, columns), maps);
    }

    /**
     * Places a pass's context weights at their context row numbers, scaled by the pass's share, so
     * that a query's weights over all chunks of the context sum to one.
     */
    private static void scatterAttention(float[][][][] attention, float[][][] pass, PredictionPlan.Pass plan, int contextCount) {
        int ctx = plan.contextRows().length;
        for (int q = 0; q < plan.queryRows().length; q++) {
            int query = plan.queryRows()[q];
            if (attention[query] == null) {
                attention[query] = new float[pass.length][][];
                for (int l = 0; l < pass.length; l++) {
                    attention[query][l] = new float[pass[l].length][contextCount];
                }
            }
            for (int l = 0; l < pass.length; l++) {
                for (int h = 0; h < pass[l].length; h++) {
                    for (int c = 0; c < ctx; c++) {
                        attention[query][l][h][plan.contextRows()[c]] += (float) (plan.share() * pass[l][h][q * ctx + c]);
                    }
                }
            }
        }
    }

    private static ColumnPrediction decode(ColumnSpec spec, double[][] outputs) {
        checkFinite(spec, outputs);
        if (spec.encoder() instanceof CategoricalEncoder enc) {
            return new ClassPredictions(spec.name(), enc.categories(), outputs);
        }
        NumericalEncoder enc = (NumericalEncoder) spec.encoder();
        double[] v = new double[outputs.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = enc.decode(outputs[i][0]);
        }
        return new ValuePredictions(spec.name(), v);
    }

    /** A NaN output would otherwise become the first class or a NaN value without a word. */
    static void checkFinite(ColumnSpec spec, double[][] outputs) {
        for (int i = 0; i < outputs.length; i++) {
            for (double o : outputs[i]) {
                if (!Double.isFinite(o)) {
                    throw new NptPredictionException("The network's output for target column '" + spec.name() + "' is " + o
                            + " at row " + i + " of the rows scored: the model's weights or that row's values are unusable "
                            + "(a diverged training run, or values far outside the training data's range)");
                }
            }
        }
    }
}
