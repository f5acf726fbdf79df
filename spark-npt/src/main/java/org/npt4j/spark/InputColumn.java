package org.npt4j.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.npt4j.core.NptInputException;

/**
 * One feature column of the model and where it is in the Spark rows: reads a batch of rows into the
 * cells of a core {@link org.npt4j.core.table.Table} column. Built on the driver, once the Dataset's
 * schema has been checked, and shipped to the executors inside the task closure.
 *
 * @param name the model's (and the Dataset's) column name
 * @param index the column's position in the Spark rows
 * @param categorical whether the model's column is categorical (read as strings) or numerical (read as numbers)
 * @param categories the model's categories, for {@link UnknownCategories#FAIL}; empty for a numerical column
 * @param nullNumber what a null numerical cell becomes: NaN (missing, core's convention) or 0 (Tribuo's
 *     convention for an absent feature)
 */
record InputColumn(String name, int index, boolean categorical, Set<String> categories, double nullNumber)
        implements Serializable {

    InputColumn {
        categories = Set.copyOf(categories);
    }

    /**
     * @param rows the batch
     * @return the column's values, NaN where missing
     * @throws NptInputException for an infinite value, which would make the row's every output NaN
     */
    double[] numbers(List<Row> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Row row = rows.get(i);
            // The schema check admitted only Spark's numeric types, whose values are all Numbers.
            Object v = row.get(index);
            double d = v == null ? nullNumber : ((Number) v).doubleValue();
            if (Double.isInfinite(d)) {
                throw new NptInputException("Column '" + name + "' has the value " + d + " in row " + RowText.of(row)
                        + "; the model needs finite numbers (null or NaN for a missing cell)");
            }
            out[i] = d;
        }
        return out;
    }

    /**
     * @param rows the batch
     * @param unknown what to do with a value the model never saw
     * @return the column's labels, null where missing
     * @throws NptInputException for an unseen value when {@code unknown} is {@link UnknownCategories#FAIL}
     */
    String[] labels(List<Row> rows, UnknownCategories unknown) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Row row = rows.get(i);
            String v = row.getString(index);
            if (v != null && unknown == UnknownCategories.FAIL && !categories.contains(v)) {
                throw new NptInputException("Column '" + name + "' has the category '" + v + "' in row " + RowText.of(row)
                        + ", which the model never saw when it was fitted; its categories are " + new TreeSet<>(categories)
                        + " (score with UnknownCategories.AS_MISSING to treat unseen categories as missing)");
            }
            out[i] = v;
        }
        return out;
    }
}
