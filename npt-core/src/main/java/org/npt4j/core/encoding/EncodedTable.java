package org.npt4j.core.encoding;

/**
 * A table in NPT's units: for each column, one float per row holding the standardised value
 * (numerical) or the class index (categorical), {@code NaN} where the cell is missing. This is
 * the ground truth that masking starts from and that losses are scored against.
 */
public final class EncodedTable {

    private final TableSchema schema;
    private final int rows;
    private final float[][] cells;

    /**
     * @param schema the columns
     * @param cells column-major cells, {@code cells[j][i]} for column j, row i; taken as is
     */
    public EncodedTable(TableSchema schema, float[][] cells) {
        if (cells.length != schema.columnCount()) {
            throw new IllegalArgumentException(cells.length + " columns of cells for " + schema.columnCount() + " columns");
        }
        this.schema = schema;
        this.rows = cells.length == 0 ? 0 : cells[0].length;
        this.cells = cells;
    }

    /** @return the schema */
    public TableSchema schema() {
        return schema;
    }

    /** @return the number of rows */
    public int rowCount() {
        return rows;
    }

    /** @return the number of columns */
    public int columnCount() {
        return cells.length;
    }

    /**
     * @param column column index
     * @param row row index
     * @return the encoded cell, {@code NaN} when missing
     */
    public float cell(int column, int row) {
        return cells[column][row];
    }

    /**
     * @param column column index
     * @param row row index
     * @return whether the cell is missing
     */
    public boolean isMissing(int column, int row) {
        return Float.isNaN(cells[column][row]);
    }

    /**
     * @param selected row indices in the order wanted
     * @return a table of those rows
     */
    public EncodedTable selectRows(int[] selected) {
        float[][] out = new float[cells.length][selected.length];
        for (int j = 0; j < cells.length; j++) {
            for (int i = 0; i < selected.length; i++) {
                out[j][i] = cells[j][selected[i]];
            }
        }
        return new EncodedTable(schema, out);
    }

    /**
     * @param below a table with the same schema
     * @return this table's rows followed by those of {@code below}
     */
    public EncodedTable append(EncodedTable below) {
        float[][] out = new float[cells.length][rows + below.rows];
        for (int j = 0; j < cells.length; j++) {
            System.arraycopy(cells[j], 0, out[j], 0, rows);
            System.arraycopy(below.cells[j], 0, out[j], rows, below.rows);
        }
        return new EncodedTable(schema, out);
    }

    /**
     * @param rowsToHide rows whose target cells become missing
     * @return a copy in which those rows' targets are missing
     */
    public EncodedTable withTargetsHidden(boolean[] rowsToHide) {
        float[][] out = new float[cells.length][];
        for (int j = 0; j < cells.length; j++) {
            out[j] = cells[j].clone();
            if (schema.column(j).target()) {
                for (int i = 0; i < rows; i++) {
                    if (rowsToHide[i]) {
                        out[j][i] = Float.NaN;
                    }
                }
            }
        }
        return new EncodedTable(schema, out);
    }
}
