package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.inference.NptModel;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;

/** A trainer with variants trains each on the same rows, keeps the best on validation and records the sweep. */
class SweepTrainerTest {

    private static final NptConfig BASE = TribuoFixtures.tiny().set(STEPS, 4).set(SEED, 11L).build();

    private static NptRegressionTrainer sweep() {
        return new NptRegressionTrainer(BASE, List.of(new NptVariant("default", Map.of()),
                new NptVariant("frozen", Map.of("learningRate", "1e-9")), new NptVariant("two heads more", Map.of("heads", "4"))));
    }

    @Test
    void theChosenVariantAndEveryValidationLossAreInProvenance() {
        try (NptTribuoModel<Regressor> model = sweep().train(TribuoFixtures.boston(80))) {
            Map<String, ?> instance = model.getProvenance().getInstanceProvenance().getMap();
            String losses = instance.get("npt-sweep-validation-losses").toString();
            for (String name : List.of("default=", "frozen=", "two heads more=")) {
                assertTrue(losses.contains(name), losses);
            }
            String chosen = instance.get("npt-sweep-chosen").toString();
            assertTrue(chosen.contains("default") || chosen.contains("frozen") || chosen.contains("two heads more"), chosen);
            assertTrue(instance.get("npt-configuration").toString().contains("heads=" + (chosen.contains("two heads") ? 4 : 2)),
                    "the model's configuration is the chosen variant's");
        }
    }

    @Test
    void theSweepIsRebuiltFromProvenanceAndTrainsTheSameModel() {
        MutableDataset<Regressor> data = TribuoFixtures.boston(60);
        try (NptTribuoModel<Regressor> first = sweep().train(data)) {
            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(first.getProvenance().getTrainerProvenance());
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(config);
            @SuppressWarnings("unchecked")
            Trainer<Regressor> rebuilt = (Trainer<Regressor>) cm.lookup(config.get(0).getName());
            assertEquals(3, ((NptRegressionTrainer) rebuilt).variants().size());
            try (NptTribuoModel<Regressor> again = (NptTribuoModel<Regressor>) rebuilt.train(data, Map.of(), 0)) {
                List<Prediction<Regressor>> a = first.predict(data);
                List<Prediction<Regressor>> b = again.predict(data);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).getOutput().getValues()[0], b.get(i).getOutput().getValues()[0], "example " + i);
                }
            }
        }
    }

    @Test
    void aVariantThatCannotBeBuiltIsRefusedNamingIt() {
        assertThrows(PropertyException.class, () -> new NptVariant("typo", Map.of("stepz", "3")));
        PropertyException seed = assertThrows(PropertyException.class, () -> new NptVariant("reseeded", Map.of("seed", "3")));
        assertTrue(seed.getMessage().contains("seed"), seed.getMessage());
        PropertyException heads = assertThrows(PropertyException.class,
                () -> new NptRegressionTrainer(BASE, List.of(new NptVariant("three heads", Map.of("heads", "3")))));
        assertEquals("variants", heads.getProperty());
        assertTrue(heads.getMessage().contains("heads"), heads.getMessage());
    }

    @Test
    void variantsTrainedApartGiveTheSweepsModel() {
        MutableDataset<Regressor> data = TribuoFixtures.boston(60);
        NptRegressionTrainer whole = sweep();
        NptRegressionTrainer apart = sweep();
        try (NptTribuoModel<Regressor> expected = whole.train(data, Map.of(), 0)) {
            List<NptModel> variants = new ArrayList<>();
            for (int v = 0; v < apart.variants().size(); v++) {
                apart.setInvocationCount(0);
                // Each variant travels as bytes, as it does between a cluster's machines.
                try (NptModel variant = apart.trainVariant(data, null, v)) {
                    variants.add(NptModel.fromBytes(variant.toBytes()));
                }
            }
            apart.setInvocationCount(0);
            try (NptTribuoModel<Regressor> actual = apart.trainFromVariants(data, null, Map.of(), variants)) {
                assertEquals(expected.getProvenance().getInstanceProvenance().getMap().get("npt-sweep-chosen").toString(),
                        actual.getProvenance().getInstanceProvenance().getMap().get("npt-sweep-chosen").toString());
                List<Prediction<Regressor>> a = expected.predict(data);
                List<Prediction<Regressor>> b = actual.predict(data);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).getOutput().getValues()[0], b.get(i).getOutput().getValues()[0], "example " + i);
                }
            }
        }
        assertThrows(IllegalStateException.class, () -> new NptRegressionTrainer(BASE, List.of()).trainVariant(data, null, 0));
    }
}
