package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Options;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Setting;
import org.npt4j.core.SettingSamples;
import org.npt4j.core.Settings;
import org.npt4j.tribuo.AbstractNptTrainer;

/**
 * Every NPT setting can be set from every shipped experiment config that trains NPT, the way a
 * user changes one on {@code Compare}'s command line ({@code --@npt.steps 500}). A setting added to
 * npt-core that the experiments cannot reach fails the build.
 */
class SettingsReachExperimentsTest {

    @BeforeAll
    static void json() {
        ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
    }

    @ParameterizedTest
    @MethodSource("org.npt4j.experiments.ConfigsTest#configs")
    void everySettingIsAnOverrideOfEveryNptTrainer(Path config) {
        Map<String, NptConfig> nptComponents = new LinkedHashMap<>();
        try (ConfigurationManager plain = new ConfigurationManager(config.toString())) {
            for (String name : plain.getComponentNames()) {
                if (plain.lookup(name) instanceof AbstractNptTrainer<?> npt) {
                    nptComponents.put(name, npt.nptConfig());
                }
            }
        }
        nptComponents.forEach((component, base) -> {
            List<String> args = new ArrayList<>(List.of("-c", config.toString()));
            for (Setting<?> s : Settings.all()) {
                args.add("--@" + component + "." + s.name());
                args.add(SettingSamples.alternativeText(s, base));
            }
            try (ConfigurationManager cm = new ConfigurationManager(args.toArray(String[]::new), new Options() {})) {
                NptConfig configured = ((AbstractNptTrainer<?>) cm.lookup(component)).nptConfig();
                for (Setting<?> s : Settings.all()) {
                    assertEquals(SettingSamples.alternative(s, base), configured.get(s), config + " " + component + "." + s.name());
                }
            }
        });
    }
}
