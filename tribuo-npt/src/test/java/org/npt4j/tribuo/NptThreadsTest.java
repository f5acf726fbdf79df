package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.THREADS;

import ai.djl.pytorch.jni.JniUtils;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Options;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.engine.Engines;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.test.Helpers;

/**
 * {@code threads} as a Tribuo trainer sees it: an OLCUT field set by configs and overrides, checked
 * when the configuration loads, recorded in the trainer's and the model's provenance, rebuilt from
 * it, and the count every training step runs on.
 */
class NptThreadsTest {

    @Test
    void aConfigOverrideSetsThreadsAndANegativeCountFailsNamingTheField() {
        NptClassificationTrainer trainer = (NptClassificationTrainer) new ConfigurationManager(
                new String[] {"-c", TrainerConfigTest.CONFIG.toString(), "--@npt.threads", "2"}, new Options() {}).lookup("npt");
        assertEquals(2, trainer.nptConfig().get(THREADS));
        PropertyException e = assertThrows(PropertyException.class, () -> new ConfigurationManager(
                new String[] {"-c", TrainerConfigTest.CONFIG.toString(), "--@npt.threads", "-1"}, new Options() {}).lookup("npt"));
        assertEquals("threads", e.getProperty());
        assertTrue(e.getMessage().contains("at least 0"), e.getMessage());
    }

    @Test
    void trainingRunsOnTheCountWhichTheProvenanceRecordsAndRebuilds() {
        Engines.pytorch(DeviceSpec.parse("cpu"));
        int original = JniUtils.getNumThreads();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        MutableDataset<Label> data = TribuoFixtures.breastCancer(60);
        NptClassificationTrainer trainer = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 5).set(THREADS, 1).build());
        JniUtils.setNumThreads(3);
        try (NptTribuoModel<Label> model = trainer.train(data, null, Map.of(), p -> seen.add(JniUtils.getNumThreads()))) {
            assertEquals(Set.of(1), seen);
            assertEquals(3, JniUtils.getNumThreads(), "the training thread's own count comes back");

            TrainerProvenance recorded = model.getProvenance().getTrainerProvenance();
            Provenance threads = recorded.getConfiguredParameters().get("threads");
            assertEquals(1, ((IntProvenance) threads).getValue());
            String resolved = model.getProvenance().getInstanceProvenance().getMap().get("npt-configuration").toString();
            assertTrue(resolved.contains("threads=1"), resolved);

            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(recorded);
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(config);
            AbstractNptTrainer<?> rebuilt = (AbstractNptTrainer<?>) cm.lookup(config.get(0).getName());
            assertEquals(1, rebuilt.nptConfig().get(THREADS));
        } finally {
            JniUtils.setNumThreads(original);
        }
    }

    @Test
    void threadsRoundTripsThroughTheTrainersConfiguration() {
        Helpers.testConfigurableRoundtrip(new NptRegressionTrainer(TribuoFixtures.tiny().set(THREADS, 3).build()));
    }
}
