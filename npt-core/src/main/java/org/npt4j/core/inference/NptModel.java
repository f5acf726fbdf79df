package org.npt4j.core.inference;

import static org.npt4j.core.Settings.DEVICE;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.TableEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.engine.Devices;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.NativeHeap;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.masking.TableMasker;
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

    private final NptConfig config;
    private final TableSchema schema;
    private final Table context;
    private final EncodedTable encodedContext;
    private final byte[] weights;
    private final TrainingSummary summary;
    private final SessionHolder session;

    /**
     * @param config the configuration the model was trained with
     * @param schema the fitted columns
     * @param context the labelled rows carried for prediction, with exactly the schema's columns
     * @param weights the network parameters as written by DJL's {@code saveParameters}
     * @param summary the training summary
     */
    public NptModel(NptConfig config, TableSchema schema, Table context, byte[] weights, TrainingSummary summary) {
        this.config = config;
        this.schema = schema;
        this.context = context;
        this.encodedContext = TableEncoder.encode(context, schema, true);
        this.weights = weights.clone();
        this.summary = summary;
        this.session = new SessionHolder(config, ColumnLayout.of(schema), this.weights);
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

    /**
     * @param device {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
     * @return the same model predicting on another device
     */
    public NptModel withDevice(String device) {
        return new NptModel(config.toBuilder().set(DEVICE, device).build(), schema, context, weights, summary);
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
        return score(rows, false).predictions();
    }

    /**
     * Predicts like {@link #predict} and also returns each row's ABD attention over the context rows.
     *
     * @param rows the rows to explain
     * @return the attention weights per row, ABD layer and head
     */
    public AttentionMaps attention(Table rows) {
        return score(rows, true).attention();
    }

    /**
     * Predicts and returns the ABD attention in one forward pass, for callers that need both.
     *
     * @param rows the rows to predict and explain
     * @return the predictions and the attention weights per row, ABD layer and head
     */
    public AttendedPredictions predictWithAttention(Table rows) {
        return score(rows, true);
    }

    private AttendedPredictions score(Table rows, boolean recordAttention) {
        EncodedTable queries = TableEncoder.encode(rows, schema, false);
        int[] targets = schema.targetIndices();
        int n = queries.rowCount();
        float[][][] outputs = new float[targets.length][n][];
        int contextCount = encodedContext.rowCount();
        float[][][][] attention = recordAttention ? new float[n][][][] : null;
        int layers = 0;
        int heads = 0;
        ReentrantReadWriteLock.ReadLock lock = session.lock.readLock();
        lock.lock();
        try {
            InferenceSession s = session.open();
            for (PredictionPlan.Pass pass : PredictionPlan.of(config, contextCount, n)) {
                EncodedTable input = encodedContext.selectRows(pass.contextRows())
                        .append(queries.selectRows(pass.queryRows()));
                int ctx = pass.contextRows().length;
                MaskedBatch batch = MaskedBatch.of(TableMasker.forPrediction(input, ctx, config.stochasticTargetMasking()),
                        input, IntStream.range(0, input.rowCount()).toArray());
                InferenceSession.PassOutput out = s.run(batch, ctx, targets, recordAttention);
                for (int t = 0; t < targets.length; t++) {
                    int width = schema.column(targets[t]).encoder().outputWidth();
                    for (int q = 0; q < pass.queryRows().length; q++) {
                        float[] row = new float[width];
                        System.arraycopy(out.targets()[t], q * width, row, 0, width);
                        outputs[t][pass.queryRows()[q]] = row;
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

    /** Places a pass's (possibly sampled) context weights at their context row numbers. */
    private static void scatterAttention(float[][][][] attention, float[][][] pass, PredictionPlan.Pass plan, int contextCount) {
        int ctx = plan.contextRows().length;
        for (int q = 0; q < plan.queryRows().length; q++) {
            float[][][] row = new float[pass.length][][];
            for (int l = 0; l < pass.length; l++) {
                row[l] = new float[pass[l].length][contextCount];
                for (int h = 0; h < pass[l].length; h++) {
                    for (int c = 0; c < ctx; c++) {
                        row[l][h][plan.contextRows()[c]] = pass[l][h][q * ctx + c];
                    }
                }
            }
            attention[plan.queryRows()[q]] = row;
        }
    }

    private static ColumnPrediction decode(ColumnSpec spec, float[][] outputs) {
        if (spec.encoder() instanceof CategoricalEncoder enc) {
            double[][] p = new double[outputs.length][];
            for (int i = 0; i < outputs.length; i++) {
                p[i] = new double[outputs[i].length];
                for (int c = 0; c < p[i].length; c++) {
                    p[i][c] = outputs[i][c];
                }
            }
            return new ClassPredictions(spec.name(), enc.categories(), p);
        }
        NumericalEncoder enc = (NumericalEncoder) spec.encoder();
        double[] v = new double[outputs.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = enc.decode(outputs[i][0]);
        }
        return new ValuePredictions(spec.name(), v);
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
     * @param in a stream holding a model written by {@link #save(OutputStream)}
     * @return the model
     * @throws IOException if reading fails
     * @throws org.npt4j.core.NptInputException if the stream is not an npt4j model, is truncated,
     *     or was written by a newer format version
     */
    public static NptModel load(InputStream in) throws IOException {
        return ModelFormat.read(in);
    }

    /**
     * @param path a file written by {@link #save(Path)}
     * @return the model
     * @throws IOException if reading fails
     */
    public static NptModel load(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return load(in);
        }
    }

    /**
     * @param bytes bytes from {@link #toBytes()}
     * @return the model
     */
    public static NptModel fromBytes(byte[] bytes) {
        try {
            return load(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        for (SessionHolder holder : SessionHolder.LOADED) {
            holder.close();
        }
    }

    /**
     * The native session, shared between the model and its cleaner; it must not refer back to the
     * model, or the model could never become unreachable.
     *
     * <p>A session left unused for {@value #IDLE_RELEASE_PROPERTY} milliseconds (default
     * {@value #DEFAULT_IDLE_RELEASE_MILLIS}) is closed, so that models kept around after use (every
     * fold model of a cross-validation, say) do not pile up native memory; the next prediction
     * loads the weights again.
     */
    private static final class SessionHolder {
        /** Holders with loaded weights; holders only, never models, so that models stay collectable. */
        static final java.util.Set<SessionHolder> LOADED = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private final NptConfig config;
        private final ColumnLayout layout;
        private final byte[] weights;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private InferenceSession session;
        private long lastUse;
        private boolean releaseScheduled;

        SessionHolder(NptConfig config, ColumnLayout layout, byte[] weights) {
            this.config = config;
            this.layout = layout;
            this.weights = weights;
        }

        /** Called with the read lock held. */
        synchronized InferenceSession open() {
            if (session == null) {
                Engine engine = Engines.pytorch();
                Device device = Devices.resolve(DeviceSpec.parse(config.get(DEVICE)), engine);
                session = InferenceSession.open(engine, device, config, layout, weights);
                LOADED.add(this);
            }
            lastUse = System.nanoTime();
            if (!releaseScheduled) {
                releaseScheduled = true;
                IdleRelease.schedule(this::releaseIfIdle, idleMillis());
            }
            return session;
        }

        synchronized boolean loaded() {
            return session != null;
        }

        /** Runs on the release thread; a prediction in progress holds the read lock and defers the release. */
        private void releaseIfIdle() {
            long idle = idleMillis();
            if (lock.writeLock().tryLock()) {
                try {
                    synchronized (this) {
                        long unused = (System.nanoTime() - lastUse) / 1_000_000;
                        if (unused >= idle) {
                            closeSession();
                            releaseScheduled = false;
                            return;
                        }
                        IdleRelease.schedule(this::releaseIfIdle, idle - unused);
                        return;
                    }
                } finally {
                    lock.writeLock().unlock();
                }
            }
            IdleRelease.schedule(this::releaseIfIdle, idle);
        }

        private static long idleMillis() {
            String v = System.getProperty(IDLE_RELEASE_PROPERTY);
            try {
                return v == null ? DEFAULT_IDLE_RELEASE_MILLIS : Math.max(0, Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return DEFAULT_IDLE_RELEASE_MILLIS;
            }
        }

        private synchronized void closeSession() {
            if (session != null) {
                session.close();
                session = null;
                LOADED.remove(this);
                NativeHeap.release();
            }
        }

        void close() {
            lock.writeLock().lock();
            try {
                closeSession();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** One daemon thread for all models' idle releases. */
    private static final class IdleRelease {
        private static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "npt4j-idle-release");
            t.setDaemon(true);
            return t;
        });

        static void schedule(Runnable task, long delayMillis) {
            EXECUTOR.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }
}
