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
import org.npt4j.core.masking.MaskedInputs;
import org.npt4j.core.masking.TableMasker;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.Table;

/**
 * Scores new rows against a model's stored context: encodes them, runs the passes of the {@link
 * PredictionPlan} (context rows, then query rows), and reads the outputs of the columns wanted:
 * the targets, decoded to probabilities or values in original units with attention weights placed
 * at their context row numbers ({@link #score}), or the columns with missing cells, for {@link
 * #impute}. The scoring part of {@link NptModel}.
 */
final class ContextScorer {

    /** Which cells of a pass are inputs: the context rows followed by the pass's query rows. */
    @FunctionalInterface
    private interface QueryInputs {
        MaskedInputs of(EncodedTable contextAndQueries, int contextRows);
    }

    /**
     * What the passes give.
     *
     * @param values per column asked for, per query row: the outputs (class probabilities, or the
     *     standardised value) averaged over the context chunks
     * @param attention each query row's ABD attention over the context, or null when not recorded
     */
    private record ColumnOutputs(double[][][] values, AttentionMaps attention) {}

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
        boolean labelsVisible = config.stochasticTargetMasking();
        ColumnOutputs out = run(queries, targets, (input, ctx) -> TableMasker.forPrediction(input, ctx, labelsVisible),
                recordAttention, jointly);
        List<ColumnPrediction> columns = new ArrayList<>();
        for (int t = 0; t < targets.length; t++) {
            columns.add(decode(schema.column(targets[t]), out.values()[t]));
        }
        return new AttendedPredictions(new Predictions(queries.rowCount(), columns), out.attention());
    }

    /**
     * Fills the missing cells of the rows, each row scored against the context alone as {@link
     * #score} scores it. Only the rows with a missing cell are passed through the network.
     *
     * @param rows the rows, with the model's columns (targets may be absent)
     * @return the filled rows and the outputs behind each filled cell
     */
    Imputation impute(Table rows) {
        EncodedTable encoded = TableEncoder.encode(rows, schema, false);
        // The model's columns the rows hold with a missing cell, and the rows with a missing cell in one of them.
        int[] columns = IntStream.range(0, schema.columnCount())
                .filter(j -> rows.hasColumn(schema.column(j).name()) && anyMissing(rows.column(schema.column(j).name())))
                .toArray();
        int[] incomplete = IntStream.range(0, rows.rowCount())
                .filter(i -> IntStream.of(columns).anyMatch(j -> rows.column(schema.column(j).name()).isMissing(i)))
                .toArray();
        double[][][] outputs = new double[columns.length][rows.rowCount()][];
        if (incomplete.length > 0) {
            boolean labelsVisible = config.stochasticTargetMasking();
            double[][][] scored = run(encoded.selectRows(incomplete), columns,
                    (input, ctx) -> TableMasker.forImputation(input, ctx, labelsVisible), false, false).values();
            for (int c = 0; c < columns.length; c++) {
                for (int q = 0; q < incomplete.length; q++) {
                    outputs[c][incomplete[q]] = scored[c][q];
                }
                checkFinite(schema.column(columns[c]), outputs[c]);
            }
        }
        return Imputation.of(rows, schema, columns, outputs);
    }

    private static boolean anyMissing(Column column) {
        return IntStream.range(0, column.size()).anyMatch(column::isMissing);
    }

    /**
     * Runs the passes of the plan over the queries and collects the outputs of the given columns.
     * A query scored against several context chunks gets the average of their outputs, weighted by
     * each pass's share.
     *
     * @param queries the rows to score, encoded
     * @param columns the column indices whose outputs are read
     * @param inputs which cells of each pass are inputs
     * @param recordAttention whether to collect the queries' ABD attention over the context
     * @param jointly whether every query goes in one pass in which the queries attend to one another
     * @return per column and query the outputs, and the attention if recorded
     */
    private ColumnOutputs run(EncodedTable queries, int[] columns, QueryInputs inputs, boolean recordAttention,
            boolean jointly) {
        int n = queries.rowCount();
        double[][][] outputs = new double[columns.length][n][];
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
                MaskedBatch batch = MaskedBatch.of(inputs.of(input, ctx), input, IntStream.range(0, input.rowCount()).toArray());
                InferenceSession.PassOutput out = s.run(batch, ctx, columns, recordAttention, jointly);
                for (int c = 0; c < columns.length; c++) {
                    int width = schema.column(columns[c]).encoder().outputWidth();
                    for (int q = 0; q < pass.queryRows().length; q++) {
                        int row = pass.queryRows()[q];
                        if (outputs[c][row] == null) {
                            outputs[c][row] = new double[width];
                        }
                        for (int k = 0; k < width; k++) {
                            outputs[c][row][k] += pass.share() * out.columns()[c][q * width + k];
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
        return new ColumnOutputs(outputs, recordAttention ? new AttentionMaps(layers, heads, contextCount, attention) : null);
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

    /**
     * A NaN output would otherwise become the first class or a NaN value without a word.
     *
     * @param spec the column
     * @param outputs per row its outputs, or null for a row not scored
     */
    static void checkFinite(ColumnSpec spec, double[][] outputs) {
        for (int i = 0; i < outputs.length; i++) {
            for (double o : outputs[i] == null ? new double[0] : outputs[i]) {
                if (!Double.isFinite(o)) {
                    throw new NptPredictionException("The network's output for " + (spec.target() ? "target " : "")
                            + "column '" + spec.name() + "' is " + o
                            + " at row " + i + " of the rows scored: the model's weights or that row's values are unusable "
                            + "(a diverged training run, or values far outside the training data's range)");
                }
            }
        }
    }
}
