package org.npt4j.core.inference;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.Preset;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.TableSchema;
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
 */
final class ModelFormat {

    /** The format version this build writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "NPT4J-MODEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte NUMERICAL = 0;
    private static final byte CATEGORICAL = 1;

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

    static NptModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new NptInputException("Not an npt4j model: the data does not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
            }
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new NptInputException("This npt4j model was written in format version " + version
                        + "; this build reads versions 1 to " + VERSION + ". Use a newer npt4j.");
            }
            Map<String, String> values = new LinkedHashMap<>();
            int n = nonNegative(in.readInt(), "config entries");
            for (int i = 0; i < n; i++) {
                values.put(in.readUTF(), in.readUTF());
            }
            NptConfig config = NptConfig.fromMap(values, NptConfig.of(Preset.PAPER));
            TableSchema schema = readSchema(in);
            Table context = readContext(in, schema);
            TrainingSummary summary = readSummary(in);
            byte[] weights = new byte[nonNegative(in.readInt(), "weight bytes")];
            in.readFully(weights);
            return new NptModel(config, schema, context, weights, summary);
        } catch (EOFException e) {
            throw new NptInputException("The npt4j model data is truncated: it ended before the model was complete");
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

    private static TrainingSummary readSummary(DataInputStream in) throws IOException {
        RecordComponent[] components = TrainingSummary.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
            values[k] = types[k] == int.class ? in.readInt() : types[k] == long.class ? in.readLong()
                    : types[k] == double.class ? (Object) in.readDouble() : in.readUTF();
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

    private static TableSchema readSchema(DataInputStream in) throws IOException {
        int d = nonNegative(in.readInt(), "columns");
        List<ColumnSpec> columns = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            String name = in.readUTF();
            boolean target = in.readBoolean();
            byte type = in.readByte();
            ColumnEncoder enc;
            if (type == NUMERICAL) {
                enc = new NumericalEncoder(in.readDouble(), in.readDouble());
            } else if (type == CATEGORICAL) {
                int c = nonNegative(in.readInt(), "categories");
                List<String> labels = new ArrayList<>(c);
                for (int k = 0; k < c; k++) {
                    labels.add(in.readUTF());
                }
                enc = categories(name, labels);
            } else {
                throw new NptInputException("Corrupt npt4j model: column '" + name + "' has unknown type code " + type);
            }
            columns.add(new ColumnSpec(name, target, enc));
        }
        return new TableSchema(columns);
    }

    private static Table readContext(DataInputStream in, TableSchema schema) throws IOException {
        int rows = nonNegative(in.readInt(), "context rows");
        Table.Builder b = Table.builder();
        for (ColumnSpec c : schema.columns()) {
            if (c.categorical()) {
                String[] labels = new String[rows];
                for (int i = 0; i < rows; i++) {
                    labels[i] = in.readBoolean() ? in.readUTF() : null;
                }
                b.categorical(c.name(), labels);
            } else {
                double[] values = new double[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = in.readDouble();
                }
                b.numeric(c.name(), values);
            }
        }
        return b.build();
    }

    private static CategoricalEncoder categories(String column, List<String> labels) {
        try {
            return new CategoricalEncoder(labels);
        } catch (IllegalArgumentException e) {
            throw new NptInputException("Corrupt npt4j model: column '" + column + "': " + e.getMessage());
        }
    }

    private static int nonNegative(int n, String what) {
        if (n < 0) {
            throw new NptInputException("Corrupt npt4j model: negative number of " + what + " (" + n + ")");
        }
        return n;
    }
}
