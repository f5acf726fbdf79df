package org.npt4j.core.inference;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.Preset;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/**
 * npt4j's model file format. Layout (big-endian, {@link DataOutputStream} encodings):
 *
 * <pre>
 *   magic "NPT4J-MODEL" | int format version
 *   config:  int n, n × (UTF name, UTF value)        — fields absent in old files take preset defaults
 *   schema:  int D, D × (UTF name, bool target, byte type, numerical: double mean, double std |
 *                        categorical: int C, C × UTF label)
 *   context: int rows, per column: numerical rows × double | categorical rows × (bool present [, UTF label])
 *   summary: int steps, int epochs, int bestStep, double bestValidationLoss, double finalLoss,
 *            double finalTargetLoss, int trainRows, int validationRows, int testRows, long parameters,
 *            long millis, UTF device, UTF engine
 *   weights: int length, bytes (DJL saveParameters of the network)
 * </pre>
 *
 * <p>Files may come from anywhere, so reading trusts no count in them: each is checked against
 * the bytes left before it decides an allocation ({@link ModelInput}), the whole model is read
 * into memory first so that there is a length to check against, and the weights are checked
 * against the configuration and schema ({@link WeightsCheck}). Every defect ends in an {@link
 * NptInputException} naming the part of the file and the byte offset.
 */
final class ModelFormat {

    /** The format version this build writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "NPT4J-MODEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte NUMERICAL = 0;
    private static final byte CATEGORICAL = 1;
    /** A string is at least its 2-byte length. */
    private static final int MIN_UTF_BYTES = 2;
    /** A column is at least its name, target flag, type and 4 bytes of encoder. */
    private static final int MIN_COLUMN_BYTES = MIN_UTF_BYTES + 2 + 4;
    private static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** The longest array most JVMs allocate. */
    private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private ModelFormat() {}

    static void write(NptModel model, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.write(MAGIC);
        out.writeInt(VERSION);
        Map<String, String> config = model.config().toMap();
        out.writeInt(config.size());
        for (Map.Entry<String, String> e : config.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        TableSchema schema = model.schema();
        out.writeInt(schema.columnCount());
        for (ColumnSpec c : schema.columns()) {
            out.writeUTF(c.name());
            out.writeBoolean(c.target());
            if (c.encoder() instanceof NumericalEncoder n) {
                out.writeByte(NUMERICAL);
                out.writeDouble(n.mean());
                out.writeDouble(n.std());
            } else {
                CategoricalEncoder cat = (CategoricalEncoder) c.encoder();
                out.writeByte(CATEGORICAL);
                out.writeInt(cat.categories().size());
                for (String label : cat.categories()) {
                    out.writeUTF(label);
                }
            }
        }
        Table context = model.contextRows();
        out.writeInt(context.rowCount());
        for (ColumnSpec c : schema.columns()) {
            if (context.column(c.name()) instanceof NumericColumn n) {
                for (int i = 0; i < context.rowCount(); i++) {
                    out.writeDouble(n.get(i));
                }
            } else {
                CategoricalColumn cat = (CategoricalColumn) context.column(c.name());
                for (int i = 0; i < context.rowCount(); i++) {
                    out.writeBoolean(!cat.isMissing(i));
                    if (!cat.isMissing(i)) {
                        out.writeUTF(cat.get(i));
                    }
                }
            }
        }
        writeSummary(out, model.summary());
        byte[] weights = model.weights();
        out.writeInt(weights.length);
        out.write(weights);
        out.flush();
    }

    /**
     * Reads a whole stream, since counts in the data can only be checked against a known length.
     *
     * @param stream the stream, read to its end
     * @return its bytes
     * @throws NptInputException if it holds more than {@link #maxModelBytes()} bytes
     * @throws IOException if reading fails
     */
    static byte[] readAll(InputStream stream) throws IOException {
        int limit = maxModelBytes();
        byte[] data = stream.readNBytes(limit);
        if (data.length == limit && stream.read() != -1) {
            throw tooLarge("The stream holds", limit);
        }
        return data;
    }

    /**
     * @param size the size of a file about to be read
     * @throws NptInputException if it is over {@link #maxModelBytes()}
     */
    static void checkSize(long size) {
        int limit = maxModelBytes();
        if (size > limit) {
            throw tooLarge(String.format(Locale.ROOT, "The file has %,d bytes,", size), limit);
        }
    }

    private static NptInputException tooLarge(String found, int limit) {
        return new NptInputException(String.format(Locale.ROOT, "%s more than the %,d bytes npt4j reads as a model; "
                + "set the system property %s to load larger models", found, limit, NptModel.MAX_MODEL_BYTES_PROPERTY));
    }

    /**
     * @return the {@link NptModel#MAX_MODEL_BYTES_PROPERTY} limit, by default 1 GiB or a quarter of
     *     the heap, whichever is smaller: loading holds the file, the weights and the context rows at
     *     once, so a model that big could not load anyway, and a stream that never ends must not
     *     fill the heap first
     */
    static int maxModelBytes() {
        String v = System.getProperty(NptModel.MAX_MODEL_BYTES_PROPERTY);
        if (v == null) {
            return (int) Math.min(DEFAULT_MAX_BYTES, Runtime.getRuntime().maxMemory() / 4);
        }
        try {
            return (int) Math.min(Math.max(1, Long.parseLong(v.trim())), LARGEST_ARRAY);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("System property " + NptModel.MAX_MODEL_BYTES_PROPERTY + "=" + v
                    + " is not a number of bytes", e);
        }
    }

    /**
     * @param data a model's bytes, nothing before or after them
     * @return the model, its weights checked against its configuration and columns
     * @throws NptInputException saying what is wrong and where, if the data is not a complete,
     *     consistent model of a format version this build reads
     */
    static NptModel read(byte[] data) {
        ModelInput in = new ModelInput(data);
        try {
            byte[] magic = in.readBytes(Math.min(MAGIC.length, data.length));
            if (!Arrays.equals(magic, MAGIC)) {
                if (Arrays.equals(magic, Arrays.copyOf(MAGIC, magic.length))) {
                    throw in.truncated();
                }
                throw new NptInputException("Not an npt4j model: the data does not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
            }
            int version = in.data().readInt();
            if (version < 1 || version > VERSION) {
                throw new NptInputException("This npt4j model was written in format version " + version
                        + "; this build reads versions 1 to " + VERSION + ". Use a newer npt4j.");
            }
            NptConfig config = readConfig(in);
            TableSchema schema = readSchema(in);
            Table context = readContext(in, schema);
            in.section("training summary");
            TrainingSummary summary = readSummary(in);
            in.section("weights");
            int at = in.position();
            byte[] weights = in.readBytes(in.count("weight bytes", 1));
            if (in.remaining() != 0) {
                throw in.malformed(at, String.format(Locale.ROOT, "%,d bytes follow the end of the model", in.remaining()));
            }
            NptModel model = model(config, schema, context, weights, summary);
            WeightsCheck.check(config, ColumnLayout.of(schema), weights, at + Integer.BYTES, data.length);
            return model;
        } catch (EOFException e) {
            throw in.truncated();
        } catch (IOException e) {
            throw new IllegalStateException("Reading bytes in memory failed", e);
        }
    }

    private static NptModel model(NptConfig config, TableSchema schema, Table context, byte[] weights,
            TrainingSummary summary) {
        try {
            return new NptModel(config, schema, context, weights, summary);
        } catch (NptInputException e) {
            // Context values the encoder cannot standardise: the message names column and row.
            throw new NptInputException(ModelInput.CORRUPT + ": in its context rows: " + e.getMessage());
        }
    }

    private static NptConfig readConfig(ModelInput in) throws IOException {
        in.section("settings");
        Map<String, String> values = new LinkedHashMap<>();
        int n = in.count("settings", 2 * MIN_UTF_BYTES);
        for (int i = 0; i < n; i++) {
            values.put(in.readUTF(), in.readUTF());
        }
        try {
            return NptConfig.fromMap(values, NptConfig.of(Preset.PAPER));
        } catch (IllegalArgumentException e) {
            throw in.malformed(in.position(), "the settings are not valid: " + e.getMessage());
        }
    }

    /** The summary's components in declaration order, each in its type's binary form. */
    private static void writeSummary(DataOutputStream out, TrainingSummary summary) throws IOException {
        for (RecordComponent c : TrainingSummary.class.getRecordComponents()) {
            Object v = component(c, summary);
            if (v instanceof Integer i) {
                out.writeInt(i);
            } else if (v instanceof Long l) {
                out.writeLong(l);
            } else if (v instanceof Double d) {
                out.writeDouble(d);
            } else {
                out.writeUTF((String) v);
            }
        }
    }

    private static TrainingSummary readSummary(ModelInput in) throws IOException {
        RecordComponent[] components = TrainingSummary.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
            values[k] = types[k] == int.class ? in.data().readInt() : types[k] == long.class ? in.data().readLong()
                    : types[k] == double.class ? (Object) in.data().readDouble() : in.readUTF();
        }
        try {
            return TrainingSummary.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TrainingSummary's components changed without a format version", e);
        }
    }

    private static Object component(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TableSchema readSchema(ModelInput in) throws IOException {
        in.section("schema");
        int d = in.count("columns", MIN_COLUMN_BYTES);
        List<ColumnSpec> columns = new ArrayList<>(d);
        Set<String> names = new HashSet<>();
        for (int j = 0; j < d; j++) {
            int at = in.position();
            String name = in.readUTF();
            if (!names.add(name)) {
                throw in.malformed(at, "column " + ModelInput.quoted(name) + " appears twice");
            }
            boolean target = in.data().readBoolean();
            byte type = in.data().readByte();
            ColumnEncoder enc;
            if (type == NUMERICAL) {
                enc = scale(in, name);
            } else if (type == CATEGORICAL) {
                int c = in.count("categories of column " + ModelInput.quoted(name), MIN_UTF_BYTES);
                List<String> labels = new ArrayList<>(c);
                for (int k = 0; k < c; k++) {
                    labels.add(in.readUTF());
                }
                enc = categories(in, name, labels);
            } else {
                throw in.malformed(at, "column " + ModelInput.quoted(name) + " has unknown type code " + type);
            }
            columns.add(new ColumnSpec(name, target, enc));
        }
        TableSchema schema = new TableSchema(columns);
        int targets = schema.targetIndices().length;
        if (targets == d) {
            throw in.malformed(in.position(), "a model needs at least one feature column; it has " + d
                    + " columns, " + targets + " of them targets");
        }
        return schema;
    }

    private static NumericalEncoder scale(ModelInput in, String column) throws IOException {
        int at = in.position();
        double mean = in.data().readDouble();
        double std = in.data().readDouble();
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std <= 0) {
            throw in.malformed(at, "column " + ModelInput.quoted(column) + " has mean " + mean + " and standard "
                    + "deviation " + std + "; both must be finite and the deviation positive");
        }
        return new NumericalEncoder(mean, std);
    }

    private static Table readContext(ModelInput in, TableSchema schema) throws IOException {
        in.section("context rows");
        // Each row takes at least 8 bytes per numerical cell and 1 per categorical cell (missing).
        long rowBytes = 0;
        for (ColumnSpec c : schema.columns()) {
            rowBytes += c.categorical() ? 1 : Double.BYTES;
        }
        int rows = in.count("context rows", rowBytes);
        Table.Builder b = Table.builder();
        for (ColumnSpec c : schema.columns()) {
            if (c.categorical()) {
                String[] labels = new String[rows];
                for (int i = 0; i < rows; i++) {
                    labels[i] = in.data().readBoolean() ? in.readUTF() : null;
                }
                b.categorical(c.name(), labels);
            } else {
                double[] values = new double[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = in.data().readDouble();
                }
                b.numeric(c.name(), values);
            }
        }
        return b.build();
    }

    private static CategoricalEncoder categories(ModelInput in, String column, List<String> labels) {
        try {
            return new CategoricalEncoder(labels);
        } catch (IllegalArgumentException e) {
            // Not the encoder's message: it lists every category, and there may be millions.
            throw in.malformed(in.position(), "the categories of column " + ModelInput.quoted(column)
                    + " are not sorted and distinct, as a saved model's are");
        }
    }
}
