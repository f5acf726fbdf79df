package org.npt4j.core.table;

import java.util.Arrays;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** A column of category labels; {@code null} marks a missing cell. */
public final class CategoricalColumn implements Column {

    private final String name;
    private final String[] values;

    /**
     * @param name column name
     * @param values cell labels, copied; {@code null} for missing
     */
    public CategoricalColumn(String name, String[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    /**
     * @param row row index
     * @return the label, {@code null} when missing
     */
    public String get(int row) {
        return values[row];
    }

    /** @return a copy of all labels */
    public String[] values() {
        return values.clone();
    }

    /**
     * @param rows the rows to look at
     * @return the distinct non-missing labels in those rows, sorted
     */
    public SortedSet<String> categoriesIn(int[] rows) {
        SortedSet<String> out = new TreeSet<>();
        for (int r : rows) {
            if (values[r] != null) {
                out.add(values[r]);
            }
        }
        return out;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new CategoricalColumn(name, out);
    }

    @Override
    public String valueAsString(int row) {
        return isMissing(row) ? "?" : values[row];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalColumn other && name.equals(other.name)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }
}
