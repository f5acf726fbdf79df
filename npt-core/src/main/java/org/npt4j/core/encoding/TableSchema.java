package org.npt4j.core.encoding;

import java.util.List;
import java.util.stream.IntStream;
import org.npt4j.core.NptInputException;

/**
 * The fitted columns of an NPT model in model order: which are targets, their types and encoders.
 * Fixed at fit time and checked against every table handed to the model afterwards.
 */
public record TableSchema(List<ColumnSpec> columns) {

    /**
     * @param columns the fitted columns in model order, at least one feature; no target for a model
     *     that only reconstructs cells (imputation)
     */
    public TableSchema {
        columns = List.copyOf(columns);
    }

    /** @return the number of columns D */
    public int columnCount() {
        return columns.size();
    }

    /**
     * @param j column index
     * @return that column
     */
    public ColumnSpec column(int j) {
        return columns.get(j);
    }

    /**
     * @param name a column name
     * @return its index in model order
     * @throws NptInputException if the model has no such column
     */
    public int indexOf(String name) {
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).name().equals(name)) {
                return j;
            }
        }
        throw new NptInputException("The model has no column named '" + name + "'; its columns are "
                + columns.stream().map(ColumnSpec::name).toList());
    }

    /** @return indices of the target columns */
    public int[] targetIndices() {
        return IntStream.range(0, columns.size()).filter(j -> columns.get(j).target()).toArray();
    }

    /** @return the names of the target columns */
    public List<String> targetNames() {
        return columns.stream().filter(ColumnSpec::target).map(ColumnSpec::name).toList();
    }

    /** @return whether any column is categorical */
    public boolean hasCategorical() {
        return columns.stream().anyMatch(ColumnSpec::categorical);
    }

    /** @return whether any column is numerical */
    public boolean hasNumerical() {
        return columns.stream().anyMatch(c -> !c.categorical());
    }
}
