package org.npt4j.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.npt4j.core.NptInputException;

/**
 * An immutable table of named, typed columns of equal length: the unit NPT works on. Build one
 * with {@link #builder()}, from a {@code double[][]} with {@link #ofRows}, or with {@link CsvTableReader}.
 * A table may carry one weight per row ({@link #withRowWeights}), which training uses to scale each
 * row's loss.
 */
public final class Table {

    private final List<Column> columns;
    private final Map<String, Integer> indexByName;
    private final int rowCount;
    /** One weight per row, or null when every row weighs 1. */
    private final double[] weights;

    private Table(List<Column> columns) {
        this(columns, null);
    }

    private Table(List<Column> columns, double[] weights) {
        this.columns = List.copyOf(columns);
        this.indexByName = new LinkedHashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            if (indexByName.put(c.name(), j) != null) {
                throw new NptInputException("Column '" + c.name() + "' appears more than once");
            }
            if (c.size() != rows) {
                throw new NptInputException("Column '" + c.name() + "' has " + c.size()
                        + " rows but column '" + columns.get(0).name() + "' has " + rows);
            }
        }
        this.rowCount = rows;
        this.weights = weights;
    }

    /** @return a builder adding columns left to right */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an all-numerical table from row-major data.
     *
     * @param names column names
     * @param rows one array per row, each of {@code names.size()} values; {@code NaN} for missing
     * @return the table
     */
    public static Table ofRows(List<String> names, double[][] rows) {
        Builder b = builder();
        for (int j = 0; j < names.size(); j++) {
            double[] col = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != names.size()) {
                    throw new NptInputException("Row " + i + " has " + rows[i].length
                            + " values but there are " + names.size() + " column names");
                }
                col[i] = rows[i][j];
            }
            b.numeric(names.get(j), col);
        }
        return b.build();
    }

    /** @return the number of rows */
    public int rowCount() {
        return rowCount;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return the columns in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return the column names in order */
    public List<String> columnNames() {
        return List.copyOf(indexByName.keySet());
    }

    /**
     * @param j column index
     * @return that column
     */
    public Column column(int j) {
        return columns.get(j);
    }

    /**
     * @param name a column name
     * @return the column
     * @throws NptInputException if there is no such column
     */
    public Column column(String name) {
        return columns.get(indexOf(name));
    }

    /**
     * @param name a column name
     * @return its index
     * @throws NptInputException if there is no such column
     */
    public int indexOf(String name) {
        Integer j = indexByName.get(name);
        if (j == null) {
            throw new NptInputException("No column named '" + name + "'; the columns are "
                    + indexByName.keySet());
        }
        return j;
    }

    /**
     * @param name a column name
     * @return whether the table has it
     */
    public boolean hasColumn(String name) {
        return indexByName.containsKey(name);
    }

    /**
     * Weights the rows for training. A row's weight multiplies its loss, on its target cells and on
     * its feature-reconstruction cells alike, so a row of weight 2 counts about as much as two
     * copies of it and a row of weight 0 adds nothing to the loss. Weights do not change what the
     * model attends to: a row of weight 0 is still an input and, if labelled, part of the
     * prediction context. Only their ratios matter.
     *
     * @param rowWeights one weight per row, each finite and non-negative, not all 0
     * @return this table with those weights, replacing any it had
     * @throws NptInputException if the count does not match the rows, a weight is negative, infinite or
     *     NaN (the message names the row and the value), or every weight is 0
     */
    public Table withRowWeights(double[] rowWeights) {
        Objects.requireNonNull(rowWeights, "rowWeights");
        if (rowWeights.length != rowCount) {
            throw new NptInputException(rowWeights.length + " row weights given for a table of " + rowCount + " rows");
        }
        boolean anyPositive = false;
        for (int i = 0; i < rowWeights.length; i++) {
            double w = rowWeights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new NptInputException("Row " + i + " has weight " + w + "; row weights must be finite and non-negative");
            }
            anyPositive |= w > 0;
        }
        if (!anyPositive && rowCount > 0) {
            throw new NptInputException("Every row has weight 0; at least one row needs a positive weight");
        }
        return new Table(columns, rowWeights.clone());
    }

    /** @return this table with every row weighing 1 */
    public Table withoutRowWeights() {
        return weights == null ? this : new Table(columns);
    }

    /** @return whether the table carries row weights ({@link #withRowWeights}) */
    public boolean isWeighted() {
        return weights != null;
    }

    /**
     * @param row a row index
     * @return its weight; 1 when the table carries no weights
     */
    public double rowWeight(int row) {
        Objects.checkIndex(row, rowCount);
        return weights == null ? 1.0 : weights[row];
    }

    /** @return one weight per row, a copy; all 1 when the table carries no weights */
    public double[] rowWeights() {
        if (weights == null) {
            double[] ones = new double[rowCount];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        return weights.clone();
    }

    /**
     * @param rows row indices in the order wanted
     * @return a table of those rows, with their weights
     */
    public Table selectRows(int[] rows) {
        for (int r : rows) {
            if (r < 0 || r >= rowCount) {
                throw new IndexOutOfBoundsException("Row " + r + " is outside 0.." + (rowCount - 1));
            }
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rows));
        }
        double[] selected = null;
        if (weights != null) {
            selected = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                selected[i] = weights[rows[i]];
            }
        }
        return new Table(out, selected);
    }

    /**
     * @param names columns to leave out; names not in the table are ignored
     * @return the table without them
     */
    public Table withoutColumns(Collection<String> names) {
        Set<String> drop = Set.copyOf(names);
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (!drop.contains(c.name())) {
                out.add(c);
            }
        }
        return new Table(out, weights);
    }

    /**
     * @param other a table with the same column names and types
     * @return the rows of this table followed by those of {@code other}; if either is weighted,
     *     the rows of the other weigh 1
     */
    public Table appendRows(Table other) {
        if (!other.columnNames().equals(columnNames())) {
            throw new NptInputException("Cannot append rows with columns " + other.columnNames()
                    + " to a table with columns " + columnNames());
        }
        List<Column> out = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            out.add(concat(columns.get(j), other.columns.get(j)));
        }
        double[] appended = null;
        if (weights != null || other.weights != null) {
            appended = new double[rowCount + other.rowCount];
            System.arraycopy(rowWeights(), 0, appended, 0, rowCount);
            System.arraycopy(other.rowWeights(), 0, appended, rowCount, other.rowCount);
        }
        return new Table(out, appended);
    }

    private static Column concat(Column a, Column b) {
        if (a.type() != b.type()) {
            throw new NptInputException("Column '" + a.name() + "' is " + a.type() + " in one table and "
                    + b.type() + " in the other");
        }
        return a.append(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && columns.equals(t.columns) && Arrays.equals(weights, t.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "Table[" + rowCount + " rows x " + columns.size() + " columns " + columnNames()
                + (weights == null ? "" : ", weighted") + "]";
    }

    /** Adds columns left to right. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();

        private Builder() {}

        /**
         * @param name column name
         * @param values values, {@code NaN} for missing
         * @return this builder
         */
        public Builder numeric(String name, double[] values) {
            columns.add(new NumericColumn(name, values));
            return this;
        }

        /**
         * @param name column name
         * @param values labels, {@code null} for missing
         * @return this builder
         */
        public Builder categorical(String name, String[] values) {
            columns.add(new CategoricalColumn(name, values));
            return this;
        }

        /**
         * @param column a column
         * @return this builder
         */
        public Builder add(Column column) {
            columns.add(Objects.requireNonNull(column));
            return this;
        }

        /** @return the table */
        public Table build() {
            return new Table(Collections.unmodifiableList(new ArrayList<>(columns)));
        }
    }
}
