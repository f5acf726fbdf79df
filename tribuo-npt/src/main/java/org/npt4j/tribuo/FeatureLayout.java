package org.npt4j.tribuo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.tribuo.protos.FeatureColumnProto;
import org.npt4j.tribuo.protos.FeatureLayoutProto;
import org.tribuo.Example;
import org.tribuo.Feature;

/**
 * How Tribuo's sparse, named features become the columns of an NPT table, and back.
 *
 * <p>Two rules:
 * <ul>
 *   <li><b>Numeric features.</b> Each feature is one numerical column. A feature absent from an
 *       example is 0, Tribuo's sparse convention, unless the layout was built with
 *       {@code absentAsMissing}, in which case it is a missing cell that NPT masks.</li>
 *   <li><b>One-hot features.</b> Features named {@code column@value}, as Tribuo's loaders write
 *       categorical fields, are regrouped into one categorical column {@code column} whose
 *       categories are the values, when every training example has at most one of them, with
 *       value 1. An example with none of them has a missing cell. Groups that are not one-hot in
 *       the training data (bags of words, counts) stay numeric columns.</li>
 * </ul>
 * Immutable.
 */
public final class FeatureLayout implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FeatureLayout.class.getName());

    /** One table column and the Tribuo features that fill it. */
    record FeatureColumn(String name, boolean categorical, List<String> features, List<String> categories)
            implements Serializable {
        FeatureColumn {
            features = List.copyOf(features);
            categories = List.copyOf(categories);
        }
    }

    /** Where a Tribuo feature lands: a column, and for one-hot features the category it stands for. */
    private record Slot(int column, String category) {}

    private final List<FeatureColumn> columns;
    private final boolean absentAsMissing;
    private transient Map<String, Slot> slots;

    FeatureLayout(List<FeatureColumn> columns, boolean absentAsMissing) {
        this.columns = List.copyOf(columns);
        this.absentAsMissing = absentAsMissing;
    }

    /**
     * Builds the layout for a training set.
     *
     * @param featureNames the feature names of the training set's feature map
     * @param examples the training examples, to check which groups really are one-hot
     * @param separator the separator between column and value in one-hot names; empty turns regrouping off
     * @param absentAsMissing whether an absent numeric feature is missing rather than 0
     * @return the layout
     */
    public static FeatureLayout infer(List<String> featureNames, Iterable<? extends Example<?>> examples,
            String separator, boolean absentAsMissing) {
        Map<String, List<String>> groups = separator.isEmpty() ? Map.of() : OneHotGroups.find(featureNames, examples, separator);
        Map<String, String> groupOf = new HashMap<>();
        groups.forEach((group, members) -> members.forEach(m -> groupOf.put(m, group)));
        List<FeatureColumn> columns = new ArrayList<>();
        Set<String> emitted = new HashSet<>();
        for (String name : featureNames) {
            String group = groupOf.get(name);
            if (group == null) {
                columns.add(new FeatureColumn(name, false, List.of(name), List.of()));
            } else if (emitted.add(group)) {
                List<String> members = groups.get(group);
                List<String> categories = members.stream().map(m -> m.substring(group.length() + separator.length())).toList();
                columns.add(new FeatureColumn(group, true, members, categories));
            }
        }
        if (!groups.isEmpty()) {
            LOG.fine(() -> "Regrouped one-hot features into categorical columns " + groups.keySet());
        }
        return new FeatureLayout(columns, absentAsMissing);
    }

    /** @return the table column names, in table order */
    public List<String> columnNames() {
        return columns.stream().map(FeatureColumn::name).toList();
    }

    /** @return the names of the columns regrouped from one-hot features */
    public List<String> categoricalColumns() {
        return columns.stream().filter(FeatureColumn::categorical).map(FeatureColumn::name).toList();
    }

    /** @return true if an absent numeric feature is a missing cell rather than 0 */
    public boolean absentAsMissing() {
        return absentAsMissing;
    }

    List<FeatureColumn> columns() {
        return columns;
    }

    /**
     * @param column a table column of the layout
     * @return the Tribuo features that fill it: the feature itself for a numeric column, every
     *     member of the one-hot group for a regrouped one, in feature-map order
     * @throws IllegalArgumentException if the layout has no such column
     */
    List<String> featuresIn(String column) {
        for (FeatureColumn c : columns) {
            if (c.name().equals(column)) {
                return c.features();
            }
        }
        throw new IllegalArgumentException("No feature column '" + column + "'; the columns are " + columnNames());
    }

    private Map<String, Slot> slots() {
        Map<String, Slot> s = slots;
        if (s == null) {
            s = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                FeatureColumn col = columns.get(c);
                for (int f = 0; f < col.features().size(); f++) {
                    s.put(col.features().get(f), new Slot(c, col.categorical() ? col.categories().get(f) : null));
                }
            }
            slots = Collections.unmodifiableMap(s);
        }
        return s;
    }

    /**
     * Adds one column per layout column, one row per example, to a table under construction.
     * Features the layout does not know are ignored, as in every Tribuo model. A one-hot group
     * with more than one feature present in an example is a missing cell.
     *
     * @param table the table builder
     * @param examples the examples, in row order
     * @throws IllegalArgumentException if a feature value is infinite (naming feature and example)
     */
    void addColumns(Table.Builder table, List<? extends Example<?>> examples) {
        int n = examples.size();
        double[][] numeric = new double[columns.size()][];
        String[][] categorical = new String[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).categorical()) {
                categorical[c] = new String[n];
            } else {
                numeric[c] = new double[n];
                if (absentAsMissing) {
                    java.util.Arrays.fill(numeric[c], Double.NaN);
                }
            }
        }
        Map<String, Slot> slots = slots();
        for (int i = 0; i < n; i++) {
            boolean[] ambiguous = new boolean[columns.size()];
            for (Feature f : examples.get(i)) {
                Slot slot = slots.get(f.getName());
                if (slot == null) {
                    continue;
                }
                if (Double.isInfinite(f.getValue())) {
                    throw new IllegalArgumentException("Feature '" + f.getName() + "' of example " + i
                            + " is " + f.getValue() + "; NPT needs finite values");
                }
                if (slot.category() == null) {
                    numeric[slot.column()][i] = f.getValue();
                } else if (f.getValue() != 0) {
                    String[] cells = categorical[slot.column()];
                    ambiguous[slot.column()] |= cells[i] != null;
                    cells[i] = slot.category();
                }
            }
            for (int c = 0; c < ambiguous.length; c++) {
                if (ambiguous[c]) {
                    categorical[c][i] = null;
                    int row = i;
                    String column = columns.get(c).name();
                    LOG.warning(() -> "Example " + row + " has more than one value of categorical column '" + column
                            + "'; the cell is treated as missing");
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            FeatureColumn col = columns.get(c);
            if (col.categorical()) {
                table.add(new CategoricalColumn(col.name(), categorical[c]));
            } else {
                table.add(new NumericColumn(col.name(), numeric[c]));
            }
        }
    }

    /**
     * The Tribuo features of one table row: the inverse of {@link #addColumns}. Missing cells have
     * no feature.
     *
     * @param table a table with the layout's columns
     * @param row the row
     * @return the features, in layout order
     */
    List<Feature> featuresOf(Table table, int row) {
        List<Feature> out = new ArrayList<>();
        for (FeatureColumn col : columns) {
            if (table.column(col.name()).isMissing(row)) {
                continue;
            }
            if (col.categorical()) {
                String value = ((CategoricalColumn) table.column(col.name())).get(row);
                out.add(new Feature(col.features().get(col.categories().indexOf(value)), 1.0));
            } else {
                out.add(new Feature(col.name(), ((NumericColumn) table.column(col.name())).get(row)));
            }
        }
        return out;
    }

    /**
     * @param column a table column of the layout
     * @return that column
     * @throws IllegalArgumentException if the layout has no such column
     */
    FeatureColumn column(String column) {
        for (FeatureColumn c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No feature column '" + column + "'; the columns are " + columnNames());
    }

    /**
     * Whether an example gives a categorical column a value that the table leaves missing: two of
     * its categories at once, or a category the model does not know ({@code column@value} with the
     * column's separator). Such a cell is missing to the model but not to the example.
     *
     * @param column a categorical column of the layout
     * @param example an example
     * @return whether a feature of the example other than none of the column's names a value of it
     */
    static boolean hasUnreadValue(FeatureColumn column, Example<?> example) {
        if (!column.categorical()) {
            return false;
        }
        String first = column.features().get(0);
        String prefix = first.substring(0, first.length() - column.categories().get(0).length());
        for (Feature f : example) {
            if (f.getValue() != 0 && f.getName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    FeatureLayoutProto toProto() {
        FeatureLayoutProto.Builder b = FeatureLayoutProto.newBuilder().setAbsentAsMissing(absentAsMissing);
        for (FeatureColumn c : columns) {
            b.addColumns(FeatureColumnProto.newBuilder().setName(c.name()).setCategorical(c.categorical())
                    .addAllFeatures(c.features()).addAllCategories(c.categories()));
        }
        return b.build();
    }

    static FeatureLayout fromProto(FeatureLayoutProto proto) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (FeatureColumnProto c : proto.getColumnsList()) {
            if (c.getFeaturesCount() == 0 || (c.getCategorical() && c.getCategoriesCount() != c.getFeaturesCount())) {
                throw new IllegalStateException("Invalid protobuf: feature column '" + c.getName() + "' is malformed");
            }
            columns.add(new FeatureColumn(c.getName(), c.getCategorical(), c.getFeaturesList(), c.getCategoriesList()));
        }
        return new FeatureLayout(columns, proto.getAbsentAsMissing());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureLayout other && other.columns.equals(columns) && other.absentAsMissing == absentAsMissing;
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + Boolean.hashCode(absentAsMissing);
    }

    @Override
    public String toString() {
        return "FeatureLayout[" + columns.size() + " columns, categorical " + categoricalColumns()
                + (absentAsMissing ? ", absent = missing" : ", absent = 0") + "]";
    }
}
