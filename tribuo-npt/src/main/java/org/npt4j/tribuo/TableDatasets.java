package org.npt4j.tribuo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Turns an npt4j {@link Table} into a Tribuo dataset the way Tribuo's own loaders shape data:
 * numeric columns become features of the same name, categorical columns one-hot features
 * {@code column@value}, missing cells are absent, and row weights become example weights. Every
 * Tribuo trainer can use the result, and
 * NPT's trainers regroup the one-hot features into categorical columns again. A row whose targets
 * are all missing gets the output factory's unknown output, Tribuo's form of an unlabelled example
 * (NPT's trainers learn from its features; Tribuo's other trainers cannot use it).
 */
public final class TableDatasets {

    private TableDatasets() {}

    /**
     * @param table the table
     * @param target a categorical column: the label
     * @param name a name for the data source in provenance
     * @return one example per row; a row without a label has {@link LabelFactory#UNKNOWN_LABEL}
     * @throws IllegalArgumentException if the target is not categorical
     */
    public static MutableDataset<Label> classification(Table table, String target, String name) {
        if (!(table.column(target) instanceof CategoricalColumn labels)) {
            throw new IllegalArgumentException("Column '" + target + "' is numeric; a classification target must be categorical");
        }
        return dataset(table, List.of(target), new LabelFactory(), name,
                i -> labels.isMissing(i) ? LabelFactory.UNKNOWN_LABEL : new Label(labels.get(i)));
    }

    /**
     * @param table the table
     * @param targets numeric columns: the regression dimensions
     * @param name a name for the data source in provenance
     * @return one example per row, with a regressor over all target columns; a row missing every
     *     target has {@link RegressionFactory#UNKNOWN_REGRESSOR}, one missing some has NaN in those dimensions
     * @throws IllegalArgumentException if a target is not numeric
     */
    public static MutableDataset<Regressor> regression(Table table, List<String> targets, String name) {
        List<NumericColumn> columns = new ArrayList<>();
        for (String t : targets) {
            if (!(table.column(t) instanceof NumericColumn n)) {
                throw new IllegalArgumentException("Column '" + t + "' is categorical; a regression target must be numeric");
            }
            columns.add(n);
        }
        String[] names = targets.toArray(String[]::new);
        return dataset(table, targets, new RegressionFactory(), name, i -> {
            double[] values = new double[names.length];
            boolean any = false;
            for (int d = 0; d < names.length; d++) {
                values[d] = columns.get(d).get(i);
                any |= !columns.get(d).isMissing(i);
            }
            return any ? new Regressor(names, values) : RegressionFactory.UNKNOWN_REGRESSOR;
        });
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(Table table, List<String> targets,
            OutputFactory<T> factory, String name, IntFunction<T> output) {
        List<Example<T>> examples = new ArrayList<>(table.rowCount());
        for (int i = 0; i < table.rowCount(); i++) {
            List<Feature> features = new ArrayList<>();
            for (Column c : table.columns()) {
                if (targets.contains(c.name()) || c.isMissing(i)) {
                    continue;
                }
                if (c instanceof NumericColumn n) {
                    features.add(new Feature(c.name(), n.get(i)));
                } else {
                    features.add(new Feature(c.name() + "@" + ((CategoricalColumn) c).get(i), 1.0));
                }
            }
            ArrayExample<T> example = new ArrayExample<>(output.apply(i), features);
            if (table.isWeighted()) {
                example.setWeight((float) table.rowWeight(i));
            }
            examples.add(example);
        }
        return new MutableDataset<>(new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance(name, factory)));
    }
}
