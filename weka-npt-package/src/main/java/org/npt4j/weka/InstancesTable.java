package org.npt4j.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * Weka {@link Instances} as an npt4j {@link Table}: numeric and date attributes become numerical
 * columns (dates as milliseconds since the epoch), nominal attributes categorical columns with
 * their value names; Weka's missing values stay missing cells, which NPT masks natively.
 */
public final class InstancesTable {

    private InstancesTable() {}

    /**
     * @param data the instances
     * @param attributes names of the attributes to take, in column order
     * @return one column per attribute, one row per instance
     * @throws IllegalArgumentException if an attribute is absent or of a type NPT cannot use
     */
    public static Table of(Instances data, List<String> attributes) {
        Table.Builder table = Table.builder();
        for (String name : attributes) {
            table.add(column(data, attribute(data, name), null));
        }
        return table.build();
    }

    /**
     * The instances to predict, as a table for a model fitted with {@code schema}: as {@link #of},
     * except that a nominal value the model never saw in training is a missing cell. Weka's header
     * declares every value of a nominal attribute, so a value that a training fold happens to lack
     * is routine in cross-validation; NPT would treat it as missing all the same, but would log a
     * warning on the console for every such test fold (the Experimenter's runs among them).
     *
     * @param data the instances to predict
     * @param attributes names of the model's feature attributes, in column order
     * @param schema the fitted model's schema, which knows the categories seen in training
     * @return one column per attribute, one row per instance
     * @throws IllegalArgumentException if an attribute is absent or of a type NPT cannot use
     */
    public static Table toPredict(Instances data, List<String> attributes, TableSchema schema) {
        Table.Builder table = Table.builder();
        for (String name : attributes) {
            ColumnEncoder encoder = schema.column(schema.indexOf(name)).encoder();
            table.add(column(data, attribute(data, name), encoder instanceof CategoricalEncoder seen ? seen : null));
        }
        return table.build();
    }

    private static Attribute attribute(Instances data, String name) {
        Attribute a = data.attribute(name);
        if (a == null) {
            throw new IllegalArgumentException("Attribute '" + name + "' of the training data is missing from "
                    + "the data set '" + data.relationName() + "'");
        }
        return a;
    }

    /**
     * @param data the instances
     * @return each instance's weight, in order: the row weights of the table {@link #of} makes
     */
    public static double[] weights(Instances data) {
        double[] out = new double[data.numInstances()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.instance(i).weight();
        }
        return out;
    }

    /**
     * @param data the instances
     * @return the names of the attributes, other than the class, that have at least one value
     */
    public static List<String> usableFeatures(Instances data) {
        return withValues(data, a -> a.index() != data.classIndex());
    }

    /**
     * @param data the instances
     * @param candidate which attributes to consider
     * @return the names of those attributes that have at least one value, in attribute order
     */
    public static List<String> withValues(Instances data, Predicate<Attribute> candidate) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < data.numAttributes(); j++) {
            if (!candidate.test(data.attribute(j))) {
                continue;
            }
            for (int i = 0; i < data.numInstances(); i++) {
                if (!data.instance(i).isMissing(j)) {
                    names.add(data.attribute(j).name());
                    break;
                }
            }
        }
        return names;
    }

    /** @param seen for a nominal attribute, the categories to keep (others become missing), or null to keep all */
    private static org.npt4j.core.table.Column column(Instances data, Attribute a, CategoricalEncoder seen) {
        int n = data.numInstances();
        int j = a.index();
        if (a.isNominal()) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                String value = data.instance(i).isMissing(j) ? null : a.value((int) data.instance(i).value(j));
                values[i] = seen == null || value == null || seen.indexOf(value) >= 0 ? value : null;
            }
            return new CategoricalColumn(a.name(), values);
        }
        if (a.isNumeric()) {
            // Date attributes are numeric in Weka, stored as epoch milliseconds; NaN marks missing.
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = data.instance(i).value(j);
            }
            return new NumericColumn(a.name(), values);
        }
        throw new IllegalArgumentException("Attribute '" + a.name() + "' is of type " + Attribute.typeToString(a)
                + "; NPT handles nominal, numeric and date attributes");
    }
}
