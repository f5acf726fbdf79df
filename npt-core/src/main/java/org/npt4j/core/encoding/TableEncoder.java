package org.npt4j.core.encoding;

import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.npt4j.core.NptInputException;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/**
 * Encodes raw tables with a fitted {@link TableSchema}, checking that they have the model's
 * columns with the model's types. Target columns may be absent from tables to be predicted. Row
 * weights come along as loss weights.
 */
public final class TableEncoder {

    private static final Logger LOG = Logger.getLogger(TableEncoder.class.getName());

    private TableEncoder() {}

    /**
     * @param table raw rows
     * @param schema the fitted schema
     * @param targetsRequired whether the table must contain the target columns
     * @return the encoded rows, with the table's row weights as {@linkplain #lossWeights loss weights};
     *     categories unseen at fit time become missing, with a logged warning
     * @throws NptInputException if a column is missing, extra, or of another type than at fit time
     */
    public static EncodedTable encode(Table table, TableSchema schema, boolean targetsRequired) {
        for (String name : table.columnNames()) {
            if (!schemaHas(schema, name)) {
                throw new NptInputException("Column '" + name + "' was not present when the model was fitted; "
                        + "the model's columns are " + namesOf(schema));
            }
        }
        float[][] cells = new float[schema.columnCount()][];
        for (int j = 0; j < schema.columnCount(); j++) {
            ColumnSpec spec = schema.column(j);
            if (!table.hasColumn(spec.name())) {
                if (spec.target() && !targetsRequired) {
                    cells[j] = missing(table.rowCount());
                    continue;
                }
                throw new NptInputException("Column '" + spec.name() + "' (" + spec.type()
                        + ") is missing; the model was fitted with columns " + namesOf(schema));
            }
            Column c = table.column(spec.name());
            if (c.type() != spec.type()) {
                throw new NptInputException("Column '" + spec.name() + "' is " + c.type()
                        + " but was " + spec.type() + " when the model was fitted");
            }
            cells[j] = encodeColumn(c, spec);
        }
        return new EncodedTable(schema, cells, lossWeights(table));
    }

    /**
     * The loss is a weighted mean, which does not change when every weight is multiplied by the same
     * number, so the weights are divided by the largest: that keeps any weight a double can hold
     * representable as a float. Equal weights are dropped altogether, so that uniformly weighted
     * rows train through exactly the arithmetic of unweighted ones, bit for bit.
     *
     * @param table a table
     * @return its row weights divided by the largest (all 0 if they are); null when it has none or they are
     *     all equal and positive
     */
    static float[] lossWeights(Table table) {
        if (!table.isWeighted()) {
            return null;
        }
        double[] w = table.rowWeights();
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : w) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        if (min == max && max > 0) {
            return null;
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length && max > 0; i++) {
            out[i] = (float) (w[i] / max);
        }
        return out;
    }

    private static boolean schemaHas(TableSchema schema, String name) {
        return schema.columns().stream().anyMatch(c -> c.name().equals(name));
    }

    private static String namesOf(TableSchema schema) {
        return schema.columns().stream().map(ColumnSpec::name).toList().toString();
    }

    private static float[] missing(int n) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, Float.NaN);
        return out;
    }

    private static float[] encodeColumn(Column c, ColumnSpec spec) {
        int n = c.size();
        float[] out = new float[n];
        if (spec.encoder() instanceof NumericalEncoder enc) {
            NumericColumn nc = (NumericColumn) c;
            for (int i = 0; i < n; i++) {
                double v = nc.get(i);
                out[i] = Double.isNaN(v) ? Float.NaN : enc.encode(v);
                if (Float.isInfinite(out[i])) {
                    // Infinite inputs make every output of the row NaN; say which cell is to blame instead.
                    throw new NptInputException("Column '" + c.name() + "', row " + i + ": value " + v + " cannot be "
                            + "standardised: (value - mean " + enc.mean() + ") / std " + enc.std() + " overflows 32-bit floats");
                }
            }
            return out;
        }
        CategoricalEncoder enc = (CategoricalEncoder) spec.encoder();
        CategoricalColumn cc = (CategoricalColumn) c;
        Set<String> unseen = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            String label = cc.get(i);
            int k = label == null ? -1 : enc.indexOf(label);
            if (label != null && k < 0) {
                unseen.add(label);
            }
            out[i] = k < 0 ? Float.NaN : k;
        }
        if (!unseen.isEmpty() && !spec.target()) {
            LOG.warning(() -> "Column '" + spec.name() + "': categories never seen when fitting " + unseen
                    + " are treated as missing");
        }
        return out;
    }
}
