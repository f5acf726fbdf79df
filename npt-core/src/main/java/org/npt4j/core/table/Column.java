package org.npt4j.core.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named column of a {@link Table}. Values are held as given by the user; a missing cell is
 * {@code NaN} in a {@link NumericColumn} and {@code null} in a {@link CategoricalColumn}. Columns
 * are immutable and equal when their names, types and cells are.
 */
public abstract sealed class Column permits NumericColumn, CategoricalColumn {

    private final String name;
    private final ColumnType type;

    Column(String name, ColumnType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
    }

    /** @return the column name, unique within its table */
    public final String name() {
        return name;
    }

    /** @return how the column is encoded */
    public final ColumnType type() {
        return type;
    }

    /** @return the number of cells */
    public abstract int size();

    /**
     * @param row a row index
     * @return whether the cell is missing
     */
    public abstract boolean isMissing(int row);

    /**
     * @param rows row indices, in the order wanted; may repeat
     * @return a new column holding those rows
     */
    public abstract Column select(int[] rows);

    /**
     * @param below a column of the same name and type
     * @return a new column with this column's cells followed by {@code below}'s
     */
    abstract Column append(Column below);

    /**
     * @param row a row index
     * @return the cell as text, {@code "?"} when missing; for messages and explanations
     */
    public abstract String valueAsString(int row);

    /** @return the cells as the subclass holds them (an array), for equality; never modified */
    abstract Object cells();

    @Override
    public final boolean equals(Object o) {
        return o instanceof Column other && type == other.type && name.equals(other.name)
                && Arrays.deepEquals(new Object[] {cells()}, new Object[] {other.cells()});
    }

    @Override
    public final int hashCode() {
        return 31 * name.hashCode() + Arrays.deepHashCode(new Object[] {cells()});
    }
}
