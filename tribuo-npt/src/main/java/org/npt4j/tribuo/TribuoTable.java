package org.npt4j.tribuo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;
import org.npt4j.core.table.Table;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;

/**
 * The table NPT trains on, made from Tribuo datasets: one row per training example, then one per
 * validation example, feature columns by the {@link FeatureLayout}, target columns by the
 * {@link OutputColumns}, each row weighted by its example's weight. An example whose output is the
 * output factory's unknown output has missing target cells: NPT takes it as an unlabelled row.
 *
 * @param table the rows, with the examples' weights as row weights
 * @param roles the role of each row, or null when every row is a training row (NPT then holds out its own validation rows)
 * @param layout how Tribuo features became columns
 * @param unlabelled how many training examples have an unknown output
 * @param <T> the output type
 */
record TribuoTable<T extends Output<T>>(Table table, RowRole[] roles, FeatureLayout layout, int unlabelled) {

    /**
     * @param examples the training examples, unknown outputs allowed
     * @param validation the validation examples, or null
     * @param outputs the target columns
     * @param separator the one-hot separator in feature names, empty for none
     * @param absentFeaturesAreMissing whether an absent numeric feature is a missing cell
     * @param <T> the output type
     * @return the table
     */
    static <T extends Output<T>> TribuoTable<T> of(Dataset<T> examples, Dataset<T> validation, OutputColumns<T> outputs,
            String separator, boolean absentFeaturesAreMissing) {
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        List<String> featureNames = new ArrayList<>(featureMap.size());
        for (int id = 0; id < featureMap.size(); id++) {
            featureNames.add(featureMap.get(id).getName());
        }
        FeatureLayout layout = FeatureLayout.infer(featureNames, examples, separator, absentFeaturesAreMissing);
        OutputColumns.checkNoClash(layout.columnNames());
        List<Example<T>> rows = new ArrayList<>(examples.getData());
        RowRole[] roles = null;
        if (validation != null) {
            rows.addAll(validation.getData());
            roles = RowRoles.filled(rows.size(), RowRole.TRAIN);
            Arrays.fill(roles, examples.size(), rows.size(), RowRole.VALIDATION);
        }
        Table.Builder table = Table.builder();
        layout.addColumns(table, rows);
        outputs.addTargets(table, rows);
        return new TribuoTable<>(table.build().withRowWeights(weights(rows)), roles, layout,
                examples.getOutputInfo().getUnknownCount());
    }

    private static double[] weights(List<? extends Example<?>> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).getWeight();
        }
        return out;
    }
}
