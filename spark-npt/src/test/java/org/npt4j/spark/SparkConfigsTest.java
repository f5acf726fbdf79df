package org.npt4j.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npt4j.experiments.Experiment;
import org.npt4j.experiments.InProcessExecutor;
import org.npt4j.experiments.SparkExecutor;

/**
 * Every shipped experiment configuration runs in-process by default and on Spark with
 * {@code --@executor spark} and nothing else, the README's promise, and with this module on the
 * classpath the Spark executor finds its backend.
 */
class SparkConfigsTest {

    private static final Pattern DATA_FILE = Pattern.compile("name=\"file\" value=\"([^\"]+)\"");

    @BeforeAll
    static void json() {
        ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
    }

    static Stream<Path> configs() throws IOException {
        try (Stream<Path> top = Files.list(Path.of("configs")); Stream<Path> paper = Files.list(Path.of("configs/paper"))) {
            List<Path> list = Stream.concat(top, paper).filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json"))
                    .filter(SparkConfigsTest::hasExperiment).sorted().toList();
            assertFalse(list.isEmpty(), "no experiment configs under " + Path.of("configs").toAbsolutePath());
            return list.stream();
        }
    }

    /** Whether the file holds an experiment whose data is bundled (two paper configs name data a user fetches). */
    private static boolean hasExperiment(Path config) {
        try {
            String text = Files.readString(config);
            Matcher file = DATA_FILE.matcher(text);
            while (file.find()) {
                if (!Files.isRegularFile(Path.of(file.group(1)))) {
                    return false;
                }
            }
            return text.contains(Experiment.class.getName() + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void inProcessByDefaultAndSparkWithOneOverride(Path config) {
        try (ConfigurationManager cm = new ConfigurationManager(new String[] {"-c", config.toString()})) {
            for (Experiment e : cm.lookupAll(Experiment.class)) {
                assertInstanceOf(InProcessExecutor.class, e.executor(), config.toString());
            }
        }
        try (ConfigurationManager cm = new ConfigurationManager(new String[] {"-c", config.toString(), "--@executor", "spark"})) {
            List<Experiment> experiments = cm.lookupAll(Experiment.class);
            assertFalse(experiments.isEmpty());
            for (Experiment e : experiments) {
                assertInstanceOf(SparkExecutor.class, e.executor(), config.toString());
                assertTrue(e.executor().describe().startsWith("as Spark tasks"), e.executor().describe());
            }
        }
    }
}
