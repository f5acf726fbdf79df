package org.npt4j.core.table;

/**
 * One named column of a {@link Table}. Values are held as given by the user; a missing cell is
 * {@code NaN} in a {@link NumericColumn} and {@code null} in a {@link CategoricalColumn}.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {

    /** @return the column name, unique within its table */
    String name();

    /** @return how the column is encoded */
    ColumnType type();

    /** @return the number of cells */
    int size();

    /**
     * @param row a row index
     * @return whether the cell is missing
     */
    boolean isMissing(int row);

    /**
     * @param rows row indices, in the order wanted; may repeat
     * @return a new column holding those rows
     */
    Column select(int[] rows);

    /**
     * @param row a row index
     * @return the cell as text, {@code "?"} when missing; for messages and explanations
     */
    String valueAsString(int row);
}
