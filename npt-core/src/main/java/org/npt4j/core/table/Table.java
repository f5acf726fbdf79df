package org.npt4j.core.table;

import java.util.ArrayList;
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
 */
public final class Table {

    private final List<Column> columns;
    private final Map<String, Integer> indexByName;
    private final int rowCount;

    private Table(List<Column> columns) {
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
     * @param rows row indices in the order wanted
     * @return a table of those rows
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
        return new Table(out);
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
        return new Table(out);
    }

    /**
     * @param other a table with the same column names and types
     * @return the rows of this table followed by those of {@code other}
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
        return new Table(out);
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
        return o instanceof Table t && columns.equals(t.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns);
    }

    @Override
    public String toString() {
        return "Table[" + rowCount + " rows x " + columns.size() + " columns " + columnNames() + "]";
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
