package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.FEATURE_MASK_PROBABILITY;
import static org.npt4j.core.Settings.FLAT_PROPORTION;
import static org.npt4j.core.Settings.GRADIENT_CLIP_VALUE;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.LR_SCHEDULE;
import static org.npt4j.core.Settings.SEMI_SUPERVISED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;
import static org.npt4j.core.Settings.TRADEOFF_SCHEDULE;
import static org.npt4j.core.Settings.TRADEOFF_START;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npt4j.core.LearningRateSchedule;
import org.npt4j.core.NptConfig;
import org.npt4j.core.TradeoffSchedule;
import org.npt4j.experiments.protocol.PaperProtocol;
import org.npt4j.tribuo.AbstractNptTrainer;
import org.npt4j.tribuo.NptVariant;

/**
 * The paper configs carry the reference script's settings exactly (scripts/uci_class_reg.sh in
 * OATML/non-parametric-transformers) and its eight variants, under the fair semi-supervised protocol.
 */
class PaperConfigsTest {

    @TempDir
    Path dir;

    /** A file of the right columns for the data sets that are not bundled; its values do not matter here. */
    private Path standIn(String name, int columns) throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        List<String> lines = new ArrayList<>(List.of("header"));
        for (int i = 0; i < 40; i++) {
            List<String> cells = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                cells.add(Integer.toString(r.nextInt(3)));
            }
            lines.add(String.join(",", cells));
        }
        Path file = dir.resolve(name + ".csv");
        Files.write(file, lines);
        return file;
    }

    @ParameterizedTest
    @CsvSource({"breast-cancer,32,5e-4,2000,4000,0", "boston,128,1e-3,2000,4000,0", "concrete,128,1e-3,10000,10000,9",
        "yacht,128,1e-3,10000,10000,7"})
    void carriesTheReferenceSettingsAndItsEightVariants(String name, int width, double lr, int steps, int halfMaskSteps,
            int standInColumns) throws IOException {
        List<String> args = new ArrayList<>(List.of("-c", "configs/paper/" + name + ".xml"));
        if (standInColumns > 0) {
            args.addAll(List.of("--@" + name + ".file", standIn(name, standInColumns).toString()));
        }
        try (ConfigurationManager cm = new ConfigurationManager(args.toArray(String[]::new), new Options() {})) {
            Experiment experiment = (Experiment) cm.lookup("experiment");
            assertTrue(experiment.heading().contains("paper protocol") && experiment.heading().contains("e=" + width)
                    && experiment.heading().contains("8 variants"), experiment.heading());
            PaperProtocol protocol = (PaperProtocol) experiment.protocol();
            assertTrue(protocol.semiSupervised() && protocol.baselinesTrainOnValidation());
            assertEquals(10, experiment.splits().size());

            AbstractNptTrainer<?> npt = (AbstractNptTrainer<?>) cm.lookup("npt");
            NptConfig c = npt.nptConfig();
            assertEquals(width, c.get(EMBEDDING_DIM));
            assertEquals(lr, c.get(LEARNING_RATE));
            assertEquals(steps, c.get(STEPS));
            assertEquals(8, c.get(DEPTH));
            assertEquals(8, c.get(HEADS));
            assertEquals(0, c.get(BATCH_SIZE), "full batch");
            assertEquals(1, c.get(EVALUATION_INTERVAL));
            assertEquals(0.15, c.get(FEATURE_MASK_PROBABILITY));
            assertEquals(1.0, c.get(TARGET_MASK_PROBABILITY));
            assertEquals(1.0, c.get(TRADEOFF_START));
            assertEquals(TradeoffSchedule.COSINE, c.get(TRADEOFF_SCHEDULE));
            assertEquals(LearningRateSchedule.FLAT_AND_ANNEAL, c.get(LR_SCHEDULE));
            assertEquals(0.5, c.get(FLAT_PROPORTION));
            assertEquals(1.0, c.get(GRADIENT_CLIP_VALUE));
            assertTrue(c.get(SEMI_SUPERVISED));

            Map<String, Map<String, String>> expected = new LinkedHashMap<>();
            expected.put("Default", Map.of());
            expected.put("feature mask 0.20", Map.of("featureMaskProbability", "0.2"));
            expected.put("target mask 0.5", Map.of("targetMaskProbability", "0.5", "steps", Integer.toString(halfMaskSteps)));
            expected.put("target mask 0.1", Map.of("targetMaskProbability", "0.1", "steps", "20000"));
            expected.put("16 heads", Map.of("heads", "16"));
            expected.put("16 layers", Map.of("depth", "16"));
            expected.put("16 heads, 16 layers", Map.of("heads", "16", "depth", "16"));
            expected.put("cosine-cyclic learning rate", Map.of("lrSchedule", "COSINE_CYCLIC", "warmupProportion", "0.2"));
            Map<String, Map<String, String>> found = new LinkedHashMap<>();
            for (NptVariant v : npt.variants()) {
                found.put(v.title(), v.settings());
            }
            assertEquals(expected, found);
        }
    }
}
