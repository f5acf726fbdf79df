package org.npt4j.core.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npt4j.core.NptInputException;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/**
 * A table's missing cells filled by a fitted NPT ({@link NptModel#impute}): the {@linkplain
 * #filled() filled table}, and one {@link ImputedCell} per filled cell with what the network
 * predicted for it (a value, or a probability per category). Every cell that was given is kept as
 * it was. Immutable.
 */
public final class Imputation {

    private final Table filled;
    private final List<ImputedCell> cells;

    private Imputation(Table filled, List<ImputedCell> cells) {
        this.filled = filled;
        this.cells = List.copyOf(cells);
    }

    /**
     * @param rows the rows that were imputed
     * @param schema the model's columns
     * @param columns the model indices of the columns with missing cells
     * @param outputs per column in {@code columns}, per row of {@code rows}: the network's outputs
     *     (probabilities, or the standardised value), null for a row that was not scored
     * @return the imputation
     * @throws NptInputException if a categorical column with missing cells had no category at fit time
     */
    static Imputation of(Table rows, TableSchema schema, int[] columns, double[][][] outputs) {
        List<ImputedCell> cells = new ArrayList<>();
        Column[] filledColumns = rows.columns().toArray(Column[]::new);
        for (int c = 0; c < columns.length; c++) {
            ColumnSpec spec = schema.column(columns[c]);
            int at = rows.indexOf(spec.name());
            filledColumns[at] = spec.encoder() instanceof CategoricalEncoder enc
                    ? fillCategorical((CategoricalColumn) rows.column(at), enc, outputs[c], cells)
                    : fillNumerical((NumericColumn) rows.column(at), (NumericalEncoder) spec.encoder(), outputs[c], cells);
        }
        Table.Builder b = Table.builder();
        Arrays.stream(filledColumns).forEach(b::add);
        Table filled = b.build();
        if (rows.isWeighted()) {
            filled = filled.withRowWeights(rows.rowWeights());
        }
        // Row by row, then in the table's column order.
        cells.sort((x, y) -> x.row() != y.row() ? Integer.compare(x.row(), y.row())
                : Integer.compare(rows.indexOf(x.column()), rows.indexOf(y.column())));
        return new Imputation(filled, cells);
    }

    private static Column fillNumerical(NumericColumn column, NumericalEncoder enc, double[][] outputs,
            List<ImputedCell> cells) {
        double[] values = column.values();
        for (int i = 0; i < values.length; i++) {
            if (column.isMissing(i)) {
                values[i] = enc.decode(outputs[i][0]);
                cells.add(new ImputedValue(i, column.name(), values[i]));
            }
        }
        return new NumericColumn(column.name(), values);
    }

    private static Column fillCategorical(CategoricalColumn column, CategoricalEncoder enc, double[][] outputs,
            List<ImputedCell> cells) {
        if (enc.categories().isEmpty()) {
            throw new NptInputException("Column '" + column.name() + "' had no observed category when the model was "
                    + "fitted, so the model cannot fill its missing cells");
        }
        String[] labels = column.values();
        for (int i = 0; i < labels.length; i++) {
            if (column.isMissing(i)) {
                ImputedCategory cell = new ImputedCategory(i, column.name(), enc.categories(), outputs[i]);
                labels[i] = cell.label();
                cells.add(cell);
            }
        }
        return new CategoricalColumn(column.name(), labels);
    }

    /**
     * @return the table passed in with every missing cell of the model's columns filled: a
     *     numerical cell with the predicted value in original units, a categorical one with its most
     *     probable category; same columns in the same order, same row weights
     */
    public Table filled() {
        return filled;
    }

    /** @return one entry per filled cell, by row and then in the table's column order */
    public List<ImputedCell> cells() {
        return cells;
    }

    /**
     * @param column a column of the table
     * @return the filled cells of that column, by row
     */
    public List<ImputedCell> cells(String column) {
        filled.indexOf(column);
        return cells.stream().filter(c -> c.column().equals(column)).toList();
    }

    /** @return the number of filled cells */
    public int count() {
        return cells.size();
    }

    @Override
    public String toString() {
        return "Imputation[" + cells.size() + " cells filled in " + filled + "]";
    }
}
