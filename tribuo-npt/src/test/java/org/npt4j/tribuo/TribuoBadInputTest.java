package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

/** Data Tribuo's NPT cannot use fails with a message that says why. */
class TribuoBadInputTest {

    private static NptTribuoModel<Label> model;

    @BeforeAll
    static void train() {
        model = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 3).build()).train(TribuoFixtures.breastCancer(60));
    }

    private static IllegalArgumentException rejects(org.junit.jupiter.api.function.Executable action, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + e.getMessage() + "' should mention " + w);
        }
        return e;
    }

    @Test
    void aDatasetOfUnknownOutputsOnlyIsRefused() {
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"radius_mean"}, new double[] {i}));
        }
        rejects(() -> new NptClassificationTrainer(TribuoFixtures.tiny().build())
                .train(TribuoFixtures.dataset(examples, new LabelFactory(), "unknown")), "unknown output", "labelled");
    }

    @Test
    void emptyDatasetsAreRefused() {
        rejects(() -> new NptClassificationTrainer(TribuoFixtures.tiny().build())
                .train(new MutableDataset<>(TribuoFixtures.source(List.of(), new LabelFactory(), "empty"))), "empty");
    }

    @Test
    void singleClassDatasetsAreRefused() {
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new ArrayExample<>(new Label("B"), new String[] {"a", "b"}, new double[] {i, -i}));
        }
        rejects(() -> new NptClassificationTrainer(TribuoFixtures.tiny().build())
                .train(TribuoFixtures.dataset(examples, new LabelFactory(), "one-class")), "B");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRegressionDatasetIsNotAClassificationDataset() {
        Dataset regression = TribuoFixtures.boston(30);
        rejects(() -> new NptClassificationTrainer(TribuoFixtures.tiny().build()).train(regression), "Label", "Regressor");
    }

    @Test
    void anExampleSharingNoFeatureIsRefused() {
        Example<Label> stranger = new ArrayExample<>(new Label("B"), new String[] {"unheard-of"}, new double[] {1});
        rejects(() -> model.predict(stranger), "No features found");
        rejects(() -> model.predict(List.of(stranger)), "No features found");
    }

    @Test
    void infiniteValuesNameTheFeatureAndExample() {
        Example<Label> inf = new ArrayExample<>(new Label("B"), new String[] {"radius_mean"}, new double[] {Double.POSITIVE_INFINITY});
        rejects(() -> model.predict(inf), "radius_mean", "example 0", "Infinity");
    }

    @Test
    void featuresUsingTheReservedOutputPrefixAreRefused() {
        List<Example<Regressor>> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new ArrayExample<>(new Regressor("y", i), new String[] {"__output__:y", "b"}, new double[] {i, 1}));
        }
        rejects(() -> new NptRegressionTrainer(TribuoFixtures.tiny().build())
                .train(TribuoFixtures.dataset(examples, new org.tribuo.regression.RegressionFactory(), "clash")), "__output__");
    }
}
