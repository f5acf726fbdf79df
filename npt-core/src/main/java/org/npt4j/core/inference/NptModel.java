package org.npt4j.core.inference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.TableEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.Table;

/**
 * A fitted NPT: its configuration, fitted schema, weights (as bytes) and the labelled rows it
 * carries as context, since NPT predicts a row by attending to them. Immutable and safe to use
 * from many threads.
 *
 * <p>Lifecycle of native memory: the first prediction loads the weights onto the device and keeps
 * them for later calls, until the model has been idle for {@value #DEFAULT_IDLE_RELEASE_MILLIS} ms
 * (system property {@value #IDLE_RELEASE_PROPERTY}) or {@link #close()} is called; a later
 * prediction loads them again. A model that becomes unreachable is freed by a cleaner, but
 * closing is deterministic. Nothing native is held before the first prediction, so models can be copied,
 * serialised and kept in large numbers.
 */
public final class NptModel implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    /** System property: milliseconds after the last prediction at which the loaded weights are freed. */
    public static final String IDLE_RELEASE_PROPERTY = "npt4j.idleReleaseMillis";
    /** Default of {@link #IDLE_RELEASE_PROPERTY}. */
    public static final long DEFAULT_IDLE_RELEASE_MILLIS = 5000;

    /**
     * System property: the most bytes {@link #load(InputStream)} and {@link #load(Path)} read as one
     * model; by default 1 GiB or a quarter of the maximum heap, whichever is smaller.
     */
    public static final String MAX_MODEL_BYTES_PROPERTY = "npt4j.maxModelBytes";

    private final NptConfig config;
    private final TableSchema schema;
    private final Table context;
    private final EncodedTable encodedContext;
    private final byte[] weights;
    private final TrainingSummary summary;
    private final NativeSession session;
    private final ContextScorer scorer;

    /**
     * @param config the configuration the model was trained with
     * @param schema the fitted columns
     * @param context the labelled rows carried for prediction, with exactly the schema's columns; row weights,
     *     if any, are dropped
     * @param weights the network parameters as written by DJL's {@code saveParameters}
     * @param summary the training summary
     */
    public NptModel(NptConfig config, TableSchema schema, Table context, byte[] weights, TrainingSummary summary) {
        this(config, schema, context, summary, weights.clone());
    }

    /** Shares {@code weights}, which nobody may change: for models derived from this one, whose weights are already private. */
    private NptModel(NptConfig config, TableSchema schema, Table context, TrainingSummary summary, byte[] weights) {
        this.config = config;
        this.schema = schema;
        // Row weights scale the training loss; as context the rows are inputs, which carry no weight.
        this.context = context.withoutRowWeights();
        this.encodedContext = TableEncoder.encode(context, schema, true);
        this.weights = weights;
        this.summary = summary;
        this.session = new NativeSession(config, ColumnLayout.of(schema), this.weights);
        this.scorer = new ContextScorer(config, schema, encodedContext, session);
        CLEANER.register(this, session::close);
    }

    /** @return the configuration the model was trained with */
    public NptConfig config() {
        return config;
    }

    /** @return the fitted columns, encoders and targets */
    public TableSchema schema() {
        return schema;
    }

    /** @return the training summary */
    public TrainingSummary summary() {
        return summary;
    }

    /** @return the context rows (training and validation rows, raw values) in context order */
    public Table contextRows() {
        return context;
    }

    /** @return the context rows in the model's encoding (standardised values and class indices) */
    public EncodedTable encodedContextRows() {
        return encodedContext;
    }

    /** @return the number of context rows */
    public int contextRowCount() {
        return context.rowCount();
    }

    /** @return a copy of the serialised network weights */
    public byte[] weights() {
        return weights.clone();
    }

    /** @return a model over the same immutable parts that shares no native memory with this one */
    public NptModel copy() {
        return new NptModel(config, schema, context, summary, weights);
    }

    /**
     * The same trained weights attending to other context rows: for rows that should be looked up
     * among data the model was not trained with, and for tests of what attention between
     * datapoints can do.
     *
     * @param rows the new context, with the model's columns (targets included)
     * @return the model with that context
     */
    public NptModel withContext(Table rows) {
        return new NptModel(config, schema, rows, summary, weights);
    }

    /**
     * @param device {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
     * @return the same model predicting on another device
     */
    public NptModel withDevice(String device) {
        return new NptModel(config.toBuilder().set(Settings.DEVICE, device).build(), schema, context, summary, weights);
    }

    /**
     * The same model predicting on another intra-op thread count, for a machine other than the one
     * it was trained on, or for predictions side by side with other work.
     *
     * @param threads exactly this many threads per prediction call, or 0 for PyTorch's default (one
     *     for a small model); see {@link Settings#THREADS}
     * @return the same model with that {@code threads} setting
     * @throws org.npt4j.core.NptConfigException if {@code threads} is negative
     */
    public NptModel withThreads(int threads) {
        return new NptModel(config.toBuilder().set(Settings.THREADS, threads).build(), schema, context, summary, weights);
    }

    /**
     * Predicts every target column for new rows. The rows need the model's feature columns with
     * the same types; target columns may be absent and are ignored when present. Categories not
     * seen at fit time are treated as missing (with a logged warning).
     *
     * @param rows the rows to predict
     * @return class probabilities or values per target, in original units
     */
    public Predictions predict(Table rows) {
        return scorer.score(rows, false, false).predictions();
    }

    /**
     * Predicts like {@link #predict} and also returns each row's ABD attention over the context rows.
     *
     * @param rows the rows to explain
     * @return the attention weights per row, ABD layer and head
     */
    public AttentionMaps attention(Table rows) {
        return scorer.score(rows, true, false).attention();
    }

    /**
     * Predicts the rows together, as the reference evaluates its test rows: one forward pass of the
     * whole context and every row, in which the rows attend to one another as well as to the context.
     * This reproduces the paper's semi-supervised evaluation (where the test rows were also in the
     * training table, see {@code unlabelledRows}), but a row's prediction then depends on the other
     * rows passed with it, and memory grows with the square of context plus rows; {@link #predict}
     * scores each row against the context alone.
     *
     * @param rows the rows to predict, all at once
     * @return class probabilities or values per target, in original units
     */
    public Predictions predictJointly(Table rows) {
        return scorer.score(rows, false, true).predictions();
    }

    /**
     * Predicts and returns the ABD attention in one forward pass, for callers that need both.
     *
     * @param rows the rows to predict and explain
     * @return the predictions and the attention weights per row, ABD layer and head
     */
    public AttendedPredictions predictWithAttention(Table rows) {
        return scorer.score(rows, true, false);
    }

    /**
     * Fills every missing cell of the model's columns in the rows, features and targets alike, from
     * the network's per-column heads: NPT is trained to reconstruct masked cells of every column,
     * and a missing cell is a masked cell. Each row is scored as {@link #predict} scores it, against
     * the stored context rows and itself alone, so a row's imputation does not depend on the other
     * rows passed with it; only rows with a missing cell go through the network. The row's observed
     * cells are its inputs; its observed target cells too when the model was trained with training
     * labels as inputs ({@code targetMaskProbability} below 1), and otherwise masked as in {@link
     * #predict}, since the network then never saw a target value as an input. A missing target cell
     * is filled with what {@link #predict} gives for that row.
     *
     * <p>A numerical cell gets the predicted value in original units, a categorical cell its most
     * probable category; {@link Imputation#cells()} has the probabilities of every category. There
     * is no spread for numerical cells: the network gives a point estimate. Categories not seen at
     * fit time are inputs treated as missing (with a logged warning) but are given cells, so they are
     * kept as they are. For a model fitted without a target on the very rows to fill, {@link
     * org.npt4j.core.training.NptImputer} does both steps.
     *
     * @param rows the rows to fill, with the model's feature columns (same types); target columns may be
     *     absent, and are then not added
     * @return the filled rows and the predicted distribution of each filled cell
     * @throws org.npt4j.core.NptInputException if a column is unknown to the model, missing, or of another
     *     type than at fit time, or a categorical column to fill had no category at fit time
     * @throws NptPredictionException if the network's output for a cell is not finite
     */
    public Imputation impute(Table rows) {
        return scorer.impute(rows);
    }

    /**
     * Writes the model in npt4j's versioned format ({@link ModelFormat}).
     *
     * @param out the stream; not closed
     * @throws IOException if writing fails
     */
    public void save(OutputStream out) throws IOException {
        ModelFormat.write(this, out);
    }

    /**
     * Writes the model to a file atomically: a failure leaves no partial file behind.
     *
     * @param path the file
     * @throws IOException if writing fails
     */
    public void save(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                save(out);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** @return the model in npt4j's versioned format */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            save(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a model written by {@link #save(OutputStream)}. Model files may come from anywhere, so
     * loading trusts nothing in them: every count and length is checked against the bytes there
     * are before anything is allocated, and the weights are checked against the configuration and
     * columns (and loaded once, in native memory freed at once), so that a model that loads can
     * predict. Whatever is wrong with the data ends in an {@link org.npt4j.core.NptInputException}
     * that says what and where; see README.md, "Loading models from elsewhere".
     *
     * @param in a stream holding one model; read to its end, and not closed
     * @return the model
     * @throws IOException if reading the stream fails
     * @throws org.npt4j.core.NptInputException if the stream is not an npt4j model, is truncated or
     *     corrupt, was written by a newer format version, or holds more than {@link
     *     #MAX_MODEL_BYTES_PROPERTY} bytes
     */
    public static NptModel load(InputStream in) throws IOException {
        return ModelFormat.read(ModelFormat.readAll(in));
    }

    /**
     * Reads a model file written by {@link #save(Path)}, as {@link #load(InputStream)} does.
     *
     * @param path a file written by {@link #save(Path)}
     * @return the model
     * @throws IOException if reading fails
     * @throws org.npt4j.core.NptInputException as {@link #load(InputStream)}, a file over the size
     *     limit before it is read
     */
    public static NptModel load(Path path) throws IOException {
        ModelFormat.checkSize(Files.size(path));
        try (InputStream in = Files.newInputStream(path)) {
            return load(in);
        }
    }

    /**
     * Reads a model from its bytes, as {@link #load(InputStream)} does; no size limit applies,
     * since the bytes are already in memory.
     *
     * @param bytes bytes from {@link #toBytes()}, nothing before or after them
     * @return the model
     * @throws org.npt4j.core.NptInputException if the bytes are not a complete, consistent npt4j
     *     model of a format version this build reads
     */
    public static NptModel fromBytes(byte[] bytes) {
        return ModelFormat.read(bytes);
    }

    /** Frees the native memory of the loaded weights; a later prediction loads them again. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "NptModel[targets=" + schema.targetNames() + ", " + schema.columnCount() + " columns, "
                + context.rowCount() + " context rows, " + summary.parameterCount() + " parameters]";
    }

    /**
     * @return true while the weights are loaded in native memory (between a prediction and the
     *     idle release or {@link #close()})
     */
    public boolean holdsNativeMemory() {
        return session.loaded();
    }

    /**
     * Frees the loaded weights of every model in the JVM, waiting for predictions in progress;
     * each model loads them again at its next prediction. For callers that need native memory back
     * now rather than after the idle release.
     */
    public static void releaseAllNativeMemory() {
        NativeSession.closeAll();
    }
}
