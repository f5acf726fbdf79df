package org.npt4j.core.inference;

/** Predicted values for a numerical target, in the column's original units. */
public final class ValuePredictions implements ColumnPrediction {

    private final String column;
    private final double[] values;

    ValuePredictions(String column, double[] values) {
        this.column = column;
        this.values = values;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public int rowCount() {
        return values.length;
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
