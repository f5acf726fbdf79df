package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.RowWeightChecks;
import org.npt4j.core.Setting;
import org.npt4j.core.Settings;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.weka.InstancesTable;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 * Instance weights reach NPT's loss: the classifier declares {@link WeightedInstancesHandler},
 * instances of weight 1 train exactly as the core does without weights, and weight 2 trains like a
 * second copy of the instance.
 */
class InstanceWeightsTest {

    @Test
    void theClassifierDeclaresThatItUsesInstanceWeights() {
        assertInstanceOf(WeightedInstancesHandler.class, new NonParametricTransformer());
    }

    @Test
    void instancesOfWeightOneTrainBitForBitAsTheCoreWithoutWeights() throws Exception {
        Instances train = instances(Fixtures.rings(60, 3), null);
        Instances test = instances(Fixtures.rings(20, 4), train);
        NonParametricTransformer npt = classifier(Fixtures.tiny().set(STEPS, 20).build());
        npt.buildClassifier(train);
        List<String> features = InstancesTable.usableFeatures(train);
        List<String> columns = new ArrayList<>(features);
        columns.add("label");
        try (NptModel unweighted = new NptTrainer(npt.nptConfig()).fit(InstancesTable.of(train, columns), "label")) {
            double[][] expected = unweighted.predict(InstancesTable.of(test, features)).classes("label").probabilities();
            double[][] actual = npt.distributionsForInstances(test);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], 0.0, "instance " + i);
            }
        }
    }

    @Test
    void weightTwoTrainsLikeASecondCopyOfTheInstance() throws Exception {
        RowWeightChecks.Comparison c = RowWeightChecks.weightTwoVersusCopy((train, test, seed) -> {
            NonParametricTransformer npt = classifier(RowWeightChecks.settings(Fixtures.tiny()).set(SEED, seed).build());
            Instances data = instances(train, null);
            npt.buildClassifier(data);
            int b = data.classAttribute().indexOfValue("b");
            return Arrays.stream(npt.distributionsForInstances(instances(test, data))).mapToDouble(p -> p[b]).toArray();
        });
        System.out.println("Weka, weight 2 against a copy: " + c);
        c.assertWeightActsLikeACopy();
    }

    /** @return the classifier with every setting of {@code config}, its seed included */
    private static NonParametricTransformer classifier(NptConfig config) {
        NonParametricTransformer npt = new NonParametricTransformer();
        for (Setting<?> s : Settings.all()) {
            if (s != SEED) {
                copy(npt, s, config);
            }
        }
        npt.setSeed(config.get(SEED).intValue());
        return npt;
    }

    private static <V> void copy(NonParametricTransformer npt, Setting<V> s, NptConfig config) {
        npt.settings().set(s, config.get(s));
    }

    /**
     * @param table numerical and categorical columns, the class last, with row weights or without
     * @param header the header to use, or null to make one with each categorical column's values in sorted order
     * @return one instance per row, weighted by the row's weight
     */
    private static Instances instances(Table table, Instances header) {
        Instances data;
        if (header == null) {
            ArrayList<Attribute> attributes = new ArrayList<>();
            int[] all = IntStream.range(0, table.rowCount()).toArray();
            for (Column c : table.columns()) {
                attributes.add(c instanceof CategoricalColumn cc ? new Attribute(c.name(), List.copyOf(cc.categoriesIn(all)))
                        : new Attribute(c.name()));
            }
            data = new Instances("weights", attributes, table.rowCount());
            data.setClassIndex(attributes.size() - 1);
        } else {
            data = new Instances(header, table.rowCount());
        }
        for (int i = 0; i < table.rowCount(); i++) {
            double[] values = new double[table.columnCount()];
            for (int j = 0; j < values.length; j++) {
                Column c = table.column(j);
                if (c.isMissing(i)) {
                    values[j] = Utils.missingValue();
                } else if (c instanceof NumericColumn n) {
                    values[j] = n.get(i);
                } else {
                    values[j] = data.attribute(j).indexOfValue(((CategoricalColumn) c).get(i));
                }
            }
            data.add(new DenseInstance(table.rowWeight(i), values));
        }
        return data;
    }
}
