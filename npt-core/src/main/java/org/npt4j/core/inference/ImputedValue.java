package org.npt4j.core.inference;

/**
 * A filled numerical cell: the network's value for it, in the column's original units. There is
 * no spread: the network's numerical heads are trained on squared error and give a point estimate.
 *
 * @param row the cell's row
 * @param column the cell's column
 * @param value the predicted value, in original units
 */
public record ImputedValue(int row, String column, double value) implements ImputedCell {

    @Override
    public String valueAsString() {
        return Double.toString(value);
    }
}
