package org.npt4j.core.encoding;

import org.npt4j.core.table.ColumnType;

/**
 * A fitted column: its name, whether it is a prediction target, and its encoder.
 *
 * @param name the column name
 * @param target whether the model predicts this column
 * @param encoder how cells are encoded
 */
public record ColumnSpec(String name, boolean target, ColumnEncoder encoder) {

    /** @return the column type */
    public ColumnType type() {
        return encoder.type();
    }

    /** @return whether the column is categorical */
    public boolean categorical() {
        return encoder.type() == ColumnType.CATEGORICAL;
    }
}
