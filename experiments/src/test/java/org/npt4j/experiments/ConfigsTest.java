package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads every shipped configuration and builds every component in it, so that a stale property
 * name, a moved data file or a trainer that does not fit its task fails the build.
 */
class ConfigsTest {

    @BeforeAll
    static void json() {
        ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
    }

    static Stream<Path> configs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("configs"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json")).sorted().toList();
            assertFalse(list.isEmpty(), "no configs found under " + Path.of("configs").toAbsolutePath());
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyComponentBuilds(Path config) {
        try (ConfigurationManager cm = new ConfigurationManager(config.toString())) {
            for (String name : cm.getComponentNames()) {
                assertNotNull(cm.lookup(name), name);
            }
            for (Experiment e : cm.lookupAll(Experiment.class)) {
                assertFalse(e.trainers().isEmpty());
                assertTrue(e.source().table().rowCount() > 0);
            }
        }
    }
}
