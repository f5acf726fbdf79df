package org.npt4j.core.encoding;

import org.npt4j.core.table.ColumnType;

/**
 * Maps one column's raw cells to NPT's encoding and back. Every encoded column ends in one mask
 * bit, so its input width is {@link #outputWidth()} + 1.
 */
public sealed interface ColumnEncoder permits NumericalEncoder, CategoricalEncoder {

    /** @return the column type this encoder serves */
    ColumnType type();

    /** @return the number of value slots the model predicts: 1, or the number of categories */
    int outputWidth();

    /** @return the input width H_j: value slots plus the mask bit */
    default int inputWidth() {
        return outputWidth() + 1;
    }
}
