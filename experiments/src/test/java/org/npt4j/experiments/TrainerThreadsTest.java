package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Options;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.npt4j.core.Settings;
import org.npt4j.tribuo.AbstractNptTrainer;
import org.tribuo.Trainer;

/**
 * Fair timing: every shipped experiment config gives XGBoost the thread count it gives NPT, one
 * property changes both, and the runner names each trainer's count and warns when they differ.
 */
class TrainerThreadsTest {

    @BeforeAll
    static void json() {
        ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
    }

    static Stream<Path> everyConfig() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path folder : List.of(Path.of("configs"), Path.of("configs/paper"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Trainer> trainers(String... args) {
        // Trainers only: the paper configs' Concrete and Yacht sources name files that are not bundled.
        try (ConfigurationManager cm = new ConfigurationManager(args, new Options() {})) {
            return cm.lookupAllMap(Trainer.class);
        }
    }

    @ParameterizedTest
    @MethodSource("everyConfig")
    void everyShippedConfigGivesXGBoostTheThreadCountItGivesNpt(Path config) {
        List<Integer> npt = new ArrayList<>();
        List<Integer> xgboost = new ArrayList<>();
        trainers("-c", config.toString()).forEach((name, trainer) -> {
            if (trainer instanceof AbstractNptTrainer<?> n) {
                npt.add(n.nptConfig().get(Settings.THREADS));
            }
            Optional<TrainerThreads.Count> count = TrainerThreads.of(trainer);
            if (count.isPresent() && count.get().field().equals("nThread")) {
                xgboost.add(count.get().value());
            }
        });
        assertFalse(npt.isEmpty(), config + " trains NPT");
        if (!xgboost.isEmpty()) {
            assertTrue(npt.get(0) > 0, config + ": NPT's thread count is set, not PyTorch's machine-dependent default");
            List<Integer> all = new ArrayList<>(npt);
            all.addAll(xgboost);
            assertTrue(all.stream().allMatch(npt.get(0)::equals), config + ": NPT " + npt + ", XGBoost " + xgboost);
        }
    }

    @Test
    void oneGlobalPropertySetsEveryTrainersCount() {
        @SuppressWarnings("rawtypes")
        Map<String, Trainer> configured = trainers("-c", "configs/quick-start.xml", "--@threads", "5");
        assertEquals(Optional.of(new TrainerThreads.Count("threads", 5)), TrainerThreads.of(configured.get("npt")));
        assertEquals(Optional.of(new TrainerThreads.Count("nThread", 5)), TrainerThreads.of(configured.get("xgboost")));
        assertEquals(Optional.empty(), TrainerThreads.of(configured.get("cart")));
        assertEquals(Optional.empty(), TrainerThreads.of(configured.get("logistic")), "a wrapper without a count inside");
    }

    @Test
    void theResultsNameEachCountAndADifferenceIsWarnedAbout() {
        @SuppressWarnings("rawtypes")
        Map<String, Trainer> same = trainers("-c", "configs/quick-start.xml");
        assertEquals("2 threads (threads)", TrainerThreads.describe(same.get("npt")));
        assertEquals("2 threads (nThread)", TrainerThreads.describe(same.get("xgboost")));
        assertEquals("no thread-count setting", TrainerThreads.describe(same.get("cart")));
        assertEquals(Optional.empty(), mismatch(same));

        @SuppressWarnings("rawtypes")
        Map<String, Trainer> different = trainers("-c", "configs/quick-start.xml", "--@xgboost.nThread", "4", "--@npt.threads", "0");
        assertEquals("the library's default thread count (threads 0)", TrainerThreads.describe(different.get("npt")));
        String warning = mismatch(different).orElseThrow();
        assertTrue(warning.contains("npt threads 0") && warning.contains("xgboost nThread 4") && warning.contains("--@threads"), warning);
    }

    @SuppressWarnings("rawtypes")
    private static Optional<String> mismatch(Map<String, Trainer> trainers) {
        List<String> names = List.of("npt", "xgboost", "cart", "logistic");
        List<Trainer<?>> list = new ArrayList<>();
        for (String n : names) {
            list.add(trainers.get(n));
        }
        return TrainerThreads.mismatch(names, list);
    }
}
