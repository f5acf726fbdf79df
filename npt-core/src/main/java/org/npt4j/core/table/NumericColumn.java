package org.npt4j.core.table;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.npt4j.core.NptInputException;

/**
 * A real-valued column. {@code NaN} marks a missing cell, which NPT masks rather than imputes;
 * infinite values are refused because no standardisation can represent them.
 */
public final class NumericColumn extends Column {

    private final double[] values;

    /**
     * @param name column name
     * @param values cell values, copied; {@code NaN} for missing
     * @throws NptInputException if a value is infinite
     */
    public NumericColumn(String name, double[] values) {
        this(name, values.clone(), true);
    }

    private NumericColumn(String name, double[] values, boolean validate) {
        super(name, ColumnType.NUMERICAL);
        this.values = values;
        if (validate) {
            for (int i = 0; i < values.length; i++) {
                if (Double.isInfinite(values[i])) {
                    throw new NptInputException("Column '" + name + "', row " + i + ": value "
                            + values[i] + " is not a finite number (use NaN to mark a missing value)");
                }
            }
        }
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    /**
     * @param row row index
     * @return the cell value, {@code NaN} when missing
     */
    public double get(int row) {
        return values[row];
    }

    /** @return a copy of all values */
    public double[] values() {
        return values.clone();
    }

    @Override
    public NumericColumn select(int[] rows) {
        return new NumericColumn(name(), IntStream.of(rows).mapToDouble(r -> values[r]).toArray(), false);
    }

    @Override
    NumericColumn append(Column below) {
        return new NumericColumn(name(), DoubleStream.concat(Arrays.stream(values),
                Arrays.stream(((NumericColumn) below).values)).toArray(), false);
    }

    @Override
    public String valueAsString(int row) {
        return isMissing(row) ? "?" : Double.toString(values[row]);
    }

    @Override
    Object cells() {
        return values;
    }
}
