package org.npt4j.spark;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.npt4j.core.NptInputException;
import org.npt4j.core.Settings;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.inference.NptModel;
import org.npt4j.tribuo.NptTribuoModel;

/**
 * Scores a Spark {@code Dataset<Row>} with a fitted npt4j model against the model's stored context.
 *
 * <pre>{@code
 * try (NptSparkScorer scorer = NptSparkScorer.of(model)) {     // an NptModel or an NptTribuoModel
 *     Dataset<Row> scored = scorer.score(rows);                 // lazy, like any Dataset
 *     scored.write().parquet("scored");
 * }
 * }</pre>
 *
 * <p><b>Columns.</b> The model's feature columns are read from the Dataset's columns of the same
 * names: any Spark numeric type for a numerical column, strings for a categorical one; null (and NaN)
 * is a missing cell, which the model masks. Every other column (ids, the target column if present)
 * passes through unchanged, and each target adds, after the Dataset's columns:
 * <ul>
 *   <li>categorical target {@code T}: {@code T_prediction} (string, the most probable class) and
 *       {@code T_probabilities} ({@code array<double>} in the model's class order, which the field's
 *       metadata {@code npt4j.classes} lists, as does {@link #classes(String)});</li>
 *   <li>numerical target {@code T}: {@code T_prediction} (double, in the target's units).</li>
 * </ul>
 * For a Tribuo model the feature columns are its {@link org.npt4j.tribuo.FeatureLayout}'s columns
 * (a one-hot group {@code colour@red, colour@blue} is one string column {@code colour}), a null
 * numerical cell is Tribuo's absent feature (0, or missing if the model was trained with
 * {@code absentAsMissing}), and the outputs are named {@code label_...} for a label and after the
 * dimension for a regressor.
 *
 * <p><b>Execution.</b> The model's bytes are broadcast once per Spark application, on the first
 * {@link #score}; every executor JVM loads the model from them once and shares it between its tasks,
 * since {@link NptModel} is immutable and safe to predict with from many threads. Each partition is
 * scored in batches of {@link #withBatchSize} rows, each task on as many PyTorch intra-op threads as
 * cores Spark gave it ({@code spark.task.cpus}). A row's prediction depends on the context and the
 * row alone, so partitioning and batching do not change results beyond float rounding.
 *
 * <p><b>Errors.</b> A model column missing from the Dataset, or of a type that cannot be read as the
 * model's column type, fails {@link #score} at once on the driver with an {@link NptInputException}
 * naming the column. A categorical value the model never saw is a missing cell by default, as in
 * {@link NptModel#predict} ({@link UnknownCategories}); an infinite number fails its task with the
 * column, value and row.
 *
 * <p>Executors need the npt4j, DJL and PyTorch native jars on their classpath (the natives load from
 * the jar, nothing is downloaded: run them with {@code -Dai.djl.offline=true}), Java 17 and a
 * platform the PyTorch natives support (Linux x86_64 here). Immutable apart from the broadcast, which
 * {@link #close()} removes; {@code with...} copies share it.
 */
public final class NptSparkScorer implements AutoCloseable {

    private final ModelBroadcast model;
    private final TableSchema schema;
    private final Map<String, String> outputNames;
    private final double nullNumber;
    private final int batchSize;
    private final UnknownCategories unknown;

    private NptSparkScorer(ModelBroadcast model, TableSchema schema, Map<String, String> outputNames, double nullNumber,
            int batchSize, UnknownCategories unknown) {
        this.model = model;
        this.schema = schema;
        this.outputNames = Map.copyOf(outputNames);
        this.nullNumber = nullNumber;
        this.batchSize = batchSize;
        this.unknown = unknown;
    }

    /**
     * @param model a fitted core model; it is copied as bytes, so closing or dropping it afterwards changes nothing
     * @return a scorer for it, batching the model's {@code predictionBatchSize} rows at a time
     */
    public static NptSparkScorer of(NptModel model) {
        return new NptSparkScorer(new ModelBroadcast(model.toBytes()), model.schema(), Map.of(), Double.NaN,
                model.config().get(Settings.PREDICTION_BATCH_SIZE), UnknownCategories.AS_MISSING);
    }

    /**
     * @param model a Tribuo NPT model (classification or regression); its core model is taken from its
     *     protobuf form, so the scores are those of {@link NptTribuoModel#predict} on the same features
     * @return a scorer for it, batching the model's {@code predictionBatchSize} rows at a time
     */
    public static NptSparkScorer of(NptTribuoModel<?> model) {
        byte[] bytes = TribuoModels.coreBytes(model);
        // The schema and settings are read on the driver; the loaded weights are freed at once (nothing predicts here).
        NptModel core = NptModel.fromBytes(bytes);
        try {
            double nullNumber = model.featureLayout().absentAsMissing() ? Double.NaN : 0.0;
            return new NptSparkScorer(new ModelBroadcast(bytes), core.schema(), TribuoModels.outputNames(core.schema().targetNames()),
                    nullNumber, core.config().get(Settings.PREDICTION_BATCH_SIZE), UnknownCategories.AS_MISSING);
        } finally {
            core.close();
        }
    }

    /**
     * @param rows rows converted to a core table and predicted together in a task; at least 1. Larger
     *     batches amortise the per-call cost, and the model still runs its forward passes in its own
     *     {@code predictionBatchSize}
     * @return a scorer with that batch size, sharing this one's broadcast
     */
    public NptSparkScorer withBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1 row, got " + rows);
        }
        return new NptSparkScorer(model, schema, outputNames, nullNumber, rows, unknown);
    }

    /**
     * @param policy what to do with a categorical value the model never saw
     * @return a scorer with that policy, sharing this one's broadcast
     */
    public NptSparkScorer withUnknownCategories(UnknownCategories policy) {
        return new NptSparkScorer(model, schema, outputNames, nullNumber, batchSize, Objects.requireNonNull(policy));
    }

    /** @return the rows converted and predicted together in a task */
    public int batchSize() {
        return batchSize;
    }

    /** @return the model's fitted columns */
    public TableSchema schema() {
        return schema;
    }

    /**
     * @param target a categorical target of the model, by its name or its output name ({@code label} for a Tribuo label)
     * @return its classes in the order of the probabilities column
     * @throws NptInputException if the model has no such categorical target
     */
    public List<String> classes(String target) {
        return schema.columns().stream()
                .filter(c -> c.target() && (c.name().equals(target) || target.equals(outputNames.get(c.name()))))
                .findFirst().map(ColumnSpec::encoder)
                .filter(CategoricalEncoder.class::isInstance).map(e -> ((CategoricalEncoder) e).categories())
                .orElseThrow(() -> new NptInputException("'" + target + "' is not a categorical target of the model; its "
                        + "targets are " + schema.targetNames()));
    }

    /**
     * Appends the model's predictions to every row. Lazy like any Dataset transformation: the model is
     * broadcast now (once per application), and the rows are scored when an action runs.
     *
     * @param rows the rows to score, with the model's feature columns
     * @return the rows with the output columns appended, in the same partitions and order
     * @throws NptInputException if a feature column is missing or of a type that cannot be read as the
     *     model's, or an output column name is taken
     */
    public Dataset<Row> score(Dataset<Row> rows) {
        ScoringLayout layout = ScoringLayout.resolve(schema, outputNames, rows.schema(), unknown, batchSize, nullNumber);
        PartitionScorer scorer = new PartitionScorer(model.in(rows.sparkSession().sparkContext()), layout);
        return rows.mapPartitions(scorer, Encoders.row(layout.schema()));
    }

    /**
     * @param spark a Spark application
     * @return the key of the model's broadcast in it (for tests)
     */
    String broadcastKey(SparkContext spark) {
        return model.in(spark).key();
    }

    /** Removes the model's broadcast from the driver and the executors; Datasets scored with it can no longer be computed. */
    @Override
    public void close() {
        model.destroy();
    }
}
