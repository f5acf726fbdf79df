package org.npt4j.core.table;

import java.util.Arrays;
import java.util.Objects;
import org.npt4j.core.NptInputException;

/**
 * A real-valued column. {@code NaN} marks a missing cell, which NPT masks rather than imputes;
 * infinite values are refused because no standardisation can represent them.
 */
public final class NumericColumn implements Column {

    private final String name;
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
        this.name = Objects.requireNonNull(name, "name");
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
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERICAL;
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
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name, out, false);
    }

    @Override
    public String valueAsString(int row) {
        return isMissing(row) ? "?" : Double.toString(values[row]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn other && name.equals(other.name)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }
}
