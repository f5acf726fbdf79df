package org.npt4j.core.encoding;

import org.npt4j.core.table.ColumnType;

/**
 * Standardises a numerical column with a population mean and standard deviation, as sklearn's
 * {@code StandardScaler}: a constant column gets scale 1 so that it encodes to zeros.
 *
 * @param mean the mean of the fitting cells
 * @param std the population standard deviation, or 1 where that is 0
 */
public record NumericalEncoder(double mean, double std) implements ColumnEncoder {

    /**
     * Fits mean and population standard deviation over the non-missing values among {@code rows}.
     *
     * @param values all cells of the column, NaN for missing
     * @param rows the rows to fit on
     * @return the encoder; mean 0 and scale 1 when no cell is observed
     */
    public static NumericalEncoder fit(double[] values, int[] rows) {
        return fit(values, rows, null);
    }

    /**
     * Fits the weighted mean and population standard deviation over the non-missing values among
     * {@code rows}, each value counting as often as its weight says (weight 2 as two copies of it).
     * With no weights every value counts once and the arithmetic is exactly the unweighted one.
     *
     * @param values all cells of the column, NaN for missing
     * @param rows the rows to fit on
     * @param weights one non-negative weight per cell of {@code values}, or null for all 1
     * @return the encoder; mean 0 and scale 1 when no cell is observed or every observed cell weighs 0
     */
    public static NumericalEncoder fit(double[] values, int[] rows, double[] weights) {
        double sum = 0;
        double n = 0;
        for (int r : rows) {
            if (!Double.isNaN(values[r])) {
                double w = weights == null ? 1.0 : weights[r];
                sum += w * values[r];
                n += w;
            }
        }
        if (n == 0) {
            return new NumericalEncoder(0, 1);
        }
        double mean = sum / n;
        double ss = 0;
        for (int r : rows) {
            if (!Double.isNaN(values[r])) {
                double d = values[r] - mean;
                ss += (weights == null ? 1.0 : weights[r]) * d * d;
            }
        }
        double std = Math.sqrt(ss / n);
        return new NumericalEncoder(mean, std > 0 ? std : 1.0);
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERICAL;
    }

    @Override
    public int outputWidth() {
        return 1;
    }

    /**
     * @param value a raw value
     * @return its standardised value
     */
    public float encode(double value) {
        return (float) ((value - mean) / std);
    }

    /**
     * @param standardised a value in standardised units
     * @return the value in original units
     */
    public double decode(double standardised) {
        return standardised * std + mean;
    }
}
