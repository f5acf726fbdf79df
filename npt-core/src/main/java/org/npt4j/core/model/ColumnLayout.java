package org.npt4j.core.model;

import java.util.Arrays;
import org.npt4j.core.encoding.TableSchema;

/**
 * The column shapes the network is built for: each column's input width H_j (value slots plus
 * mask bit) and whether it is categorical. Everything the network needs to know about the table.
 *
 * @param inputWidths H_j per column
 * @param categorical whether each column is categorical
 */
public record ColumnLayout(int[] inputWidths, boolean[] categorical) {

    /**
     * @param schema a fitted schema
     * @return its layout
     */
    public static ColumnLayout of(TableSchema schema) {
        int d = schema.columnCount();
        int[] widths = new int[d];
        boolean[] cat = new boolean[d];
        for (int j = 0; j < d; j++) {
            widths[j] = schema.column(j).encoder().inputWidth();
            cat[j] = schema.column(j).categorical();
        }
        return new ColumnLayout(widths, cat);
    }

    /** @return the number of columns D */
    public int columnCount() {
        return inputWidths.length;
    }

    /**
     * @param j a column
     * @return the number of values the head predicts for it: H_j − 1
     */
    public int outputWidth(int j) {
        return inputWidths[j] - 1;
    }

    /** @return whether both column types occur, which is when the reference adds a type embedding */
    public boolean mixedTypes() {
        boolean anyCat = false;
        boolean anyNum = false;
        for (boolean c : categorical) {
            anyCat |= c;
            anyNum |= !c;
        }
        return anyCat && anyNum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnLayout l && Arrays.equals(inputWidths, l.inputWidths)
                && Arrays.equals(categorical, l.categorical);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(inputWidths) + Arrays.hashCode(categorical);
    }

    @Override
    public String toString() {
        return "ColumnLayout" + Arrays.toString(inputWidths);
    }
}
