package org.npt4j.core.encoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.NptInputException;

/**
 * The fitted columns of an NPT model in model order: which are targets, their types and encoders.
 * Fixed at fit time and checked against every table handed to the model afterwards.
 */
public final class TableSchema {

    private final List<ColumnSpec> columns;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final int[] targetIndices;

    /**
     * @param columns the fitted columns, at least one target and one feature
     */
    public TableSchema(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
        List<Integer> targets = new ArrayList<>();
        for (int j = 0; j < this.columns.size(); j++) {
            index.put(this.columns.get(j).name(), j);
            if (this.columns.get(j).target()) {
                targets.add(j);
            }
        }
        this.targetIndices = targets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the columns in model order */
    public List<ColumnSpec> columns() {
        return columns;
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
        Integer j = index.get(name);
        if (j == null) {
            throw new NptInputException("The model has no column named '" + name + "'; its columns are " + index.keySet());
        }
        return j;
    }

    /** @return indices of the target columns */
    public int[] targetIndices() {
        return targetIndices.clone();
    }

    /** @return the names of the target columns */
    public List<String> targetNames() {
        List<String> out = new ArrayList<>();
        for (int j : targetIndices) {
            out.add(columns.get(j).name());
        }
        return out;
    }

    /** @return whether any column is categorical */
    public boolean hasCategorical() {
        return columns.stream().anyMatch(ColumnSpec::categorical);
    }

    /** @return whether any column is numerical */
    public boolean hasNumerical() {
        return columns.stream().anyMatch(c -> !c.categorical());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema s && columns.equals(s.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "TableSchema" + columns;
    }
}
