package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.SEED;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Setting;
import org.npt4j.core.Settings;
import org.tribuo.test.Helpers;

/** The preset fills what a config leaves unset; impossible settings fail at configuration, naming the field. */
class TrainerConfigTest {

    static final Path CONFIG = Path.of("../configs/npt-trainers.xml");

    @Test
    void defaultsAreTheCpuPresetAndEverySettingIsRecordedInProvenance() {
        NptClassificationTrainer trainer = new NptClassificationTrainer(NptConfig.of(Preset.CPU_FAST));
        NptConfig expected = NptConfig.of(Preset.CPU_FAST);
        assertEquals(expected, trainer.nptConfig());
        Map<String, Provenance> recorded = trainer.getProvenance().getConfiguredParameters();
        for (Setting<?> s : Settings.all()) {
            assertTrue(recorded.containsKey(s.name()), "provenance records " + s.name());
        }
        assertTrue(recorded.containsKey("preset"));
    }

    @Test
    void presetFillsUnsetFieldsAndExplicitValuesWin() throws Exception {
        ConfigurationManager cm = new ConfigurationManager(new String[] {"-c", CONFIG.toString(),
                "--@npt.preset", "PAPER", "--@npt.steps", "7"}, new com.oracle.labs.mlrg.olcut.config.Options() {});
        NptClassificationTrainer trainer = (NptClassificationTrainer) cm.lookup("npt");
        NptConfig c = trainer.nptConfig();
        NptConfig paper = NptConfig.of(Preset.PAPER);
        assertEquals(paper.get(Settings.EMBEDDING_DIM), c.get(Settings.EMBEDDING_DIM));
        assertEquals(paper.get(Settings.DEPTH), c.get(Settings.DEPTH));
        assertEquals(7, c.get(Settings.STEPS));
    }

    @Test
    void impossibleSettingsFailNamingTheField() {
        assertEquals("heads", configError("--@npt.embeddingDim", "8", "--@npt.heads", "3").getProperty());
        assertEquals("device", configError("--@npt-regression.device", "tpu").getProperty());
        assertEquals("steps", configError("--@npt.steps", "0").getProperty());
        assertEquals("preset", configError("--@npt.preset", "HUGE").getProperty());
    }

    private static PropertyException configError(String... overrides) {
        String[] args = new String[overrides.length + 2];
        args[0] = "-c";
        args[1] = CONFIG.toString();
        System.arraycopy(overrides, 0, args, 2, overrides.length);
        String component = overrides[0].substring(3, overrides[0].indexOf('.'));
        return assertThrows(PropertyException.class, () -> new ConfigurationManager(args,
                new com.oracle.labs.mlrg.olcut.config.Options() {}).lookup(component), String.join(" ", overrides));
    }

    @Test
    void configurationRoundTripsThroughProvenance() {
        Helpers.testConfigurableRoundtrip(new NptClassificationTrainer(TribuoFixtures.tiny().build()));
        Helpers.testConfigurableRoundtrip(new NptRegressionTrainer(NptConfig.builder(Preset.PAPER).set(SEED, 99L).build()));
    }

    @Test
    void everyConfigInConfigsLoadsItsNptTrainers() throws Exception {
        ConfigurationManager cm = new ConfigurationManager(CONFIG.toString());
        assertTrue(cm.lookup("npt") instanceof NptClassificationTrainer);
        assertTrue(cm.lookup("npt-regression") instanceof NptRegressionTrainer);
    }
}
