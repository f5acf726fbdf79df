package org.npt4j.core.table;

/** How NPT encodes a column: standardised scalar or one-hot over the observed categories. */
public enum ColumnType {
    /** A real-valued column; standardised before encoding, squared error as its loss. */
    NUMERICAL,
    /** A column of labels; one-hot over its sorted categories, cross-entropy as its loss. */
    CATEGORICAL
}
