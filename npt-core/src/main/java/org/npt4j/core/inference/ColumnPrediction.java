package org.npt4j.core.inference;

/** The predictions for one target column, one entry per predicted row. */
public sealed interface ColumnPrediction permits ClassPredictions, ValuePredictions {

    /** @return the target column name */
    String column();

    /** @return the number of predicted rows */
    int rowCount();
}
