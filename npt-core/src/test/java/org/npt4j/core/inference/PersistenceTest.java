package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/** Saved models predict exactly like the original; the same seed gives the same model. */
class PersistenceTest {

    private static final Table TRAIN = Fixtures.rings(80, 1);
    private static final Table QUERIES = Fixtures.rings(20, 2).withoutColumns(List.of("label"));
    private static NptModel model;

    @BeforeAll
    static void fit() {
        model = new NptTrainer(Fixtures.tiny().set(STEPS, 20).build()).fit(TRAIN, "label");
    }

    private static double[][] probabilities(NptModel m) {
        return m.predict(QUERIES).classes("label").probabilities();
    }

    @Test
    void saveThenLoadPredictsIdentically() throws IOException {
        NptModel loaded = NptModel.fromBytes(model.toBytes());
        assertArrayEquals(probabilities(model), probabilities(loaded));
        assertEquals(model.config(), loaded.config());
        assertEquals(model.schema(), loaded.schema());
        assertEquals(model.contextRows(), loaded.contextRows());
        assertEquals(model.summary(), loaded.summary());
        loaded.close();
    }

    @Test
    void saveToAFileIsAtomicAndLoadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.npt");
        model.save(file);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        try (NptModel loaded = NptModel.load(file)) {
            assertArrayEquals(probabilities(model), probabilities(loaded));
        }
    }

    @Test
    void theSameSeedGivesTheSameModelAndADifferentSeedAnotherOne() {
        NptConfig config = Fixtures.tiny().set(STEPS, 20).build();
        try (NptModel again = new NptTrainer(config).fit(TRAIN, "label");
                NptModel other = new NptTrainer(config.toBuilder().set(SEED, 8L).build()).fit(TRAIN, "label")) {
            assertArrayEquals(model.weights(), again.weights());
            assertArrayEquals(probabilities(model), probabilities(again));
            assertFalse(Arrays.equals(model.weights(), other.weights()));
        }
    }

    @Test
    void predictionsDoNotDependOnCallHistoryOrClosing() {
        double[][] first = probabilities(model);
        model.predict(Fixtures.rings(7, 9));
        model.close();
        assertArrayEquals(first, probabilities(model), "a closed model reloads its weights on demand");
    }

    @Test
    void concurrentPredictionsAgreeWithSequentialOnes() throws Exception {
        double[][] expected = probabilities(model);
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int k = 0; k < 3; k++) {
                        assertArrayEquals(expected, probabilities(model));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(failures.isEmpty(), () -> "concurrent prediction failed: " + failures);
    }

    @Test
    void foreignTruncatedOrNewerDataIsRefusedWithAClearMessage() {
        byte[] bytes = model.toBytes();
        NptInputException notModel = assertThrows(NptInputException.class,
                () -> NptModel.load(new ByteArrayInputStream("hello world, not a model".getBytes())));
        assertTrue(notModel.getMessage().contains("Not an npt4j model"), notModel.getMessage());

        NptInputException truncated = assertThrows(NptInputException.class,
                () -> NptModel.load(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2))));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        byte[] newer = bytes.clone();
        ByteBuffer.wrap(newer).putInt("NPT4J-MODEL".length(), ModelFormat.VERSION + 1);
        NptInputException future = assertThrows(NptInputException.class, () -> NptModel.load(new ByteArrayInputStream(newer)));
        assertTrue(future.getMessage().contains("format version " + (ModelFormat.VERSION + 1)), future.getMessage());
    }
}
