package org.npt4j.core.table;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** A column of category labels; {@code null} marks a missing cell. */
public final class CategoricalColumn extends Column {

    private final String[] values;

    /**
     * @param name column name
     * @param values cell labels, copied; {@code null} for missing
     */
    public CategoricalColumn(String name, String[] values) {
        super(name, ColumnType.CATEGORICAL);
        this.values = values.clone();
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
        return new CategoricalColumn(name(), IntStream.of(rows).mapToObj(r -> values[r]).toArray(String[]::new));
    }

    @Override
    CategoricalColumn append(Column below) {
        return new CategoricalColumn(name(), Stream.concat(Arrays.stream(values),
                Arrays.stream(((CategoricalColumn) below).values)).toArray(String[]::new));
    }

    @Override
    public String valueAsString(int row) {
        return isMissing(row) ? "?" : values[row];
    }

    @Override
    Object cells() {
        return values;
    }
}
