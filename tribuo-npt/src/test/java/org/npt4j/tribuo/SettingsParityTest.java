package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Options;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Setting;
import org.npt4j.core.SettingSamples;
import org.npt4j.core.Settings;

/**
 * Every NPT setting reaches Tribuo: an OLCUT field of the same name and description, which a
 * config override sets. A setting added to npt-core and missing here fails the build.
 */
class SettingsParityTest {

    private static Field configField(String name) {
        for (Class<?> c = NptClassificationTrainer.class; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                return f.isAnnotationPresent(Config.class) ? f : null;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    @Test
    void everySettingIsAnOlcutFieldWithItsDescription() {
        for (Setting<?> s : Settings.all()) {
            Field f = configField(s.name());
            assertNotNull(f, "no @Config field for " + s.name());
            if (s != Settings.SEED) {
                String description = f.getAnnotation(Config.class).description();
                assertTrue(description.startsWith(s.description()), s.name() + ": " + description);
            }
        }
    }

    @Test
    void everySettingIsSetByAConfigOverride() throws Exception {
        NptConfig base = NptConfig.of(Preset.CPU_FAST);
        List<String> args = new ArrayList<>(List.of("-c", TrainerConfigTest.CONFIG.toString()));
        for (Setting<?> s : Settings.all()) {
            args.add("--@npt." + s.name());
            args.add(SettingSamples.alternativeText(s, base));
        }
        ConfigurationManager cm = new ConfigurationManager(args.toArray(String[]::new), new Options() {});
        NptClassificationTrainer trainer = (NptClassificationTrainer) cm.lookup("npt");
        NptConfig configured = trainer.nptConfig();
        for (Setting<?> s : Settings.all()) {
            assertEquals(SettingSamples.alternative(s, base), configured.get(s), s.name());
        }
    }
}
