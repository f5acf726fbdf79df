package org.npt4j.core.inference;

/** The predictions for one target column, one entry per predicted row. */
public abstract sealed class ColumnPrediction permits ClassPredictions, ValuePredictions {

    private final String column;
    private final int rowCount;

    ColumnPrediction(String column, int rowCount) {
        this.column = column;
        this.rowCount = rowCount;
    }

    /** @return the target column name */
    public final String column() {
        return column;
    }

    /** @return the number of predicted rows */
    public final int rowCount() {
        return rowCount;
    }
}
