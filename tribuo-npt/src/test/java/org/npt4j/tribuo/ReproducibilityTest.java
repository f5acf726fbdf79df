package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.TrainerProvenance;

/** A model's provenance rebuilds its trainer, which trains the identical model again. */
class ReproducibilityTest {

    @Test
    void theSecondModelOfATrainerIsReproducedFromItsProvenance() {
        MutableDataset<Label> data = TribuoFixtures.breastCancer(150);
        NptClassificationTrainer trainer = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 15).set(SEED, 31L).build());
        try (NptTribuoModel<Label> first = trainer.train(data); NptTribuoModel<Label> second = trainer.train(data)) {
            TrainerProvenance recorded = second.getProvenance().getTrainerProvenance();
            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(recorded);
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(config);
            @SuppressWarnings("unchecked")
            Trainer<Label> rebuilt = (Trainer<Label>) cm.lookup(config.get(0).getName());
            int invocation = recorded.getInstanceValues().get("train-invocation-count") instanceof
                    com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance count ? count.getValue() : -1;
            assertEquals(1, invocation);
            try (NptTribuoModel<Label> again = (NptTribuoModel<Label>) rebuilt.train(data, java.util.Map.of(), invocation)) {
                List<Prediction<Label>> expected = second.predict(data);
                List<Prediction<Label>> got = again.predict(data);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).getOutputScores(), got.get(i).getOutputScores(), "example " + i);
                }
                // The first and second models of a trainer differ: each draws its own seed.
                assertNotEquals(first.getProvenance().getInstanceProvenance().getMap().get("npt-seed"),
                        second.getProvenance().getInstanceProvenance().getMap().get("npt-seed"));
            }
        }
    }
}
