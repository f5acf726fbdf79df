package org.npt4j.core.inference;

/** Predicted values for a numerical target, in the column's original units. */
public final class ValuePredictions extends ColumnPrediction {

    private final double[] values;

    ValuePredictions(String column, double[] values) {
        super(column, values.length);
        this.values = values;
    }

    /**
     * @param row a predicted row
     * @return its predicted value
     */
    public double value(int row) {
        return values[row];
    }

    /** @return all predicted values, as a copy */
    public double[] values() {
        return values.clone();
    }
}
