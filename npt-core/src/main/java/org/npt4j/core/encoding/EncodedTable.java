package org.npt4j.core.encoding;

/**
 * A table in NPT's units: for each column, one float per row holding the standardised value
 * (numerical) or the class index (categorical), {@code NaN} where the cell is missing. This is
 * the ground truth that masking starts from and that losses are scored against, with the weight
 * each row's loss is scored with.
 */
public final class EncodedTable {

    private final TableSchema schema;
    private final int rows;
    private final float[][] cells;
    /** Each row's loss weight, or null when every row weighs 1. */
    private final float[] weights;

    /**
     * An unweighted table.
     *
     * @param schema the columns
     * @param cells column-major cells, {@code cells[j][i]} for column j, row i; taken as is
     */
    public EncodedTable(TableSchema schema, float[][] cells) {
        this(schema, cells, null);
    }

    /**
     * @param schema the columns
     * @param cells column-major cells, {@code cells[j][i]} for column j, row i; taken as is
     * @param weights each row's loss weight, taken as is; null when every row weighs 1
     */
    public EncodedTable(TableSchema schema, float[][] cells, float[] weights) {
        if (cells.length != schema.columnCount()) {
            throw new IllegalArgumentException(cells.length + " columns of cells for " + schema.columnCount() + " columns");
        }
        this.schema = schema;
        this.rows = cells.length == 0 ? 0 : cells[0].length;
        this.cells = cells;
        if (weights != null && weights.length != rows) {
            throw new IllegalArgumentException(weights.length + " row weights for " + rows + " rows");
        }
        this.weights = weights;
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
     * @param row row index
     * @return the weight of the row's loss; 1 when the table is unweighted
     */
    public float weight(int row) {
        return weights == null ? 1f : weights[row];
    }

    /**
     * @param selected row indices in the order wanted
     * @return a table of those rows, with their weights
     */
    public EncodedTable selectRows(int[] selected) {
        float[][] out = new float[cells.length][selected.length];
        for (int j = 0; j < cells.length; j++) {
            for (int i = 0; i < selected.length; i++) {
                out[j][i] = cells[j][selected[i]];
            }
        }
        float[] w = null;
        if (weights != null) {
            w = new float[selected.length];
            for (int i = 0; i < selected.length; i++) {
                w[i] = weights[selected[i]];
            }
        }
        return new EncodedTable(schema, out, w);
    }

    /**
     * @param below a table with the same schema
     * @return this table's rows followed by those of {@code below}; if either is weighted, the rows
     *     of the other weigh 1
     */
    public EncodedTable append(EncodedTable below) {
        float[][] out = new float[cells.length][rows + below.rows];
        for (int j = 0; j < cells.length; j++) {
            System.arraycopy(cells[j], 0, out[j], 0, rows);
            System.arraycopy(below.cells[j], 0, out[j], rows, below.rows);
        }
        float[] w = null;
        if (weights != null || below.weights != null) {
            w = new float[rows + below.rows];
            for (int i = 0; i < w.length; i++) {
                w[i] = i < rows ? weight(i) : below.weight(i - rows);
            }
        }
        return new EncodedTable(schema, out, w);
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
        return new EncodedTable(schema, out, weights);
    }
}
