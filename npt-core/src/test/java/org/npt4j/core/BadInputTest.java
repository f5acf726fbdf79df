package org.npt4j.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.FEATURE_MASK_PROBABILITY;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.HIDDEN_DROPOUT;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.MASK_FRACTION;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.npt4j.core.encoding.TableEncoder;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/** Every kind of unusable input is refused with a message that names the problem. */
class BadInputTest {

    private static NptModel model;

    @BeforeAll
    static void fit() {
        Table t = Table.builder()
                .numeric("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8})
                .categorical("colour", new String[] {"red", "blue", "red", "blue", "red", "blue", "red", "blue"})
                .categorical("y", new String[] {"a", "b", "a", "b", "a", "b", "a", "b"})
                .build();
        model = new NptTrainer(Fixtures.tiny().set(STEPS, 2).set(VALIDATION_FRACTION, 0.0).build()).fit(t, "y");
    }

    private static void assertMessage(Class<? extends Throwable> type, Executable call, String... fragments) {
        Throwable e = assertThrows(type, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should mention '" + f + "'");
        }
    }

    private static NptTrainer trainer() {
        return new NptTrainer(Fixtures.tiny().set(STEPS, 1).build());
    }

    @Test
    void emptyTable() {
        Table empty = Table.builder().numeric("x", new double[0]).categorical("y", new String[0]).build();
        assertMessage(NptInputException.class, () -> trainer().fit(empty, "y"), "empty");
        assertMessage(NptInputException.class, () -> trainer().fit(Table.builder().build(), "y"), "empty");
    }

    @Test
    void targetWithASingleClass() {
        Table t = Table.builder().numeric("x", new double[] {1, 2, 3}).categorical("y", new String[] {"a", "a", null}).build();
        assertMessage(NptInputException.class, () -> trainer().fit(t, "y"), "'y'", "single class", "[a]");
    }

    @Test
    void targetWithoutAnyValue() {
        Table t = Table.builder().numeric("x", new double[] {1, 2}).numeric("y", new double[] {Double.NaN, Double.NaN}).build();
        assertMessage(NptInputException.class, () -> trainer().fit(t, "y"), "'y'", "no non-missing value");
    }

    @Test
    void unknownTargetAndOnlyTargets() {
        Table t = Table.builder().numeric("x", new double[] {1, 2}).numeric("y", new double[] {1, 2}).build();
        assertMessage(NptInputException.class, () -> trainer().fit(t, "z"), "'z'", "[x, y]");
        assertMessage(NptInputException.class, () -> trainer().fit(t, List.of("x", "y"), null), "feature column");
    }

    @Test
    void infiniteValuesAreRefusedAndNaNMeansMissing() {
        assertMessage(NptInputException.class,
                () -> Table.builder().numeric("age", new double[] {1, Double.POSITIVE_INFINITY}),
                "'age'", "row 1", "Infinity", "NaN");
        assertMessage(NptInputException.class,
                () -> Table.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {Double.NEGATIVE_INFINITY, 3}}),
                "'a'", "row 1", "-Infinity");
        Table withMissing = Table.builder()
                .numeric("x", new double[] {1, Double.NaN, 3, 4, Double.NaN, 6})
                .categorical("y", new String[] {"a", "b", "a", "b", "a", "b"}).build();
        assertDoesNotThrow(() -> trainer().fit(withMissing, "y").close());
    }

    @Test
    void aValueThatOverflowsWhenStandardisedIsRefusedNamingItsColumn() {
        Table huge = Table.builder().numeric("x", new double[] {3, 1e300}).categorical("colour", new String[] {"red", "blue"}).build();
        assertMessage(NptInputException.class, () -> model.predict(huge), "'x'", "row 1", "1.0E300", "overflows");
    }

    @Test
    void wrongRowRoleCount() {
        Table t = Fixtures.rings(10, 1);
        assertMessage(NptInputException.class, () -> trainer().fit(t, List.of("label"), new RowRole[3]), "3 row roles", "10 rows");
    }

    @Test
    void noTrainingRows() {
        Table t = Fixtures.rings(10, 1);
        assertMessage(NptInputException.class,
                () -> trainer().fit(t, List.of("label"), Fixtures.roles(10, RowRole.TEST)), "No training rows");
    }

    @Test
    void predictingWithMissingExtraOrRetypedColumns() {
        Table missing = Table.builder().numeric("x", new double[] {1}).build();
        assertMessage(NptInputException.class, () -> model.predict(missing), "'colour'", "missing");
        Table extra = Table.builder().numeric("x", new double[] {1}).categorical("colour", new String[] {"red"})
                .numeric("height", new double[] {2}).build();
        assertMessage(NptInputException.class, () -> model.predict(extra), "'height'", "not present");
        Table retyped = Table.builder().categorical("x", new String[] {"1"}).categorical("colour", new String[] {"red"}).build();
        assertMessage(NptInputException.class, () -> model.predict(retyped), "'x'", "CATEGORICAL", "NUMERICAL");
    }

    @Test
    void unseenCategoriesAreTreatedAsMissingWithAWarning() {
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(TableEncoder.class.getName());
        log.addHandler(h);
        try {
            Table rows = Table.builder().numeric("x", new double[] {1, 2}).categorical("colour", new String[] {"green", null}).build();
            Table asMissing = Table.builder().numeric("x", new double[] {1, 2}).categorical("colour", new String[] {null, null}).build();
            assertEquals(
                    java.util.Arrays.deepToString(model.predict(asMissing).classes("y").probabilities()),
                    java.util.Arrays.deepToString(model.predict(rows).classes("y").probabilities()));
            assertTrue(records.stream().anyMatch(r -> r.getMessage().contains("'colour'") && r.getMessage().contains("green")),
                    "a warning names the column and the category");
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void impossibleConfigurationsNameTheirField() {
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(DEPTH, 3).build(), "depth", "even");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(DEPTH, 0).build(), "depth");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(EMBEDDING_DIM, 10).set(HEADS, 4).build(), "heads", "divide");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(FEATURE_MASK_PROBABILITY, 1.5).build(), "featureMaskProbability");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(TARGET_MASK_PROBABILITY, -0.1).build(), "targetMaskProbability");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(HIDDEN_DROPOUT, 1.0).build(), "hiddenDropout");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(MASK_FRACTION, Double.NaN).build(), "maskFraction");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(LEARNING_RATE, 0.0).build(), "learningRate");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(BATCH_SIZE, 1).build(), "batchSize");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(BATCH_SIZE, -2).build(), "batchSize");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(BATCH_SIZE, 64).set(PREDICTION_BATCH_SIZE, 64).build(), "predictionBatchSize");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set(DEVICE, "tpu").build(), "device", "tpu");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set("depth", "eight").build(), "depth", "eight");
        assertMessage(NptConfigException.class, () -> NptConfig.builder().set("layers", "8"), "layers");
        assertEquals("heads", assertThrows(NptConfigException.class, () -> NptConfig.builder().set(HEADS, 3).build()).field());
    }

    @Test
    void explicitGpuWithoutOneFailsClearlyAndAutoFallsBack() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.npt4j.core.engine.Engines.pytorch().getGpuCount() == 0, "a GPU is present");
        Table t = Fixtures.rings(12, 1);
        assertMessage(IllegalStateException.class,
                () -> new NptTrainer(Fixtures.tiny().set(STEPS, 1).set(DEVICE, "gpu").build()).fit(t, "label"), "gpu:0", "cannot be used");
        assertDoesNotThrow(() -> new NptTrainer(Fixtures.tiny().set(STEPS, 1).set(DEVICE, "auto").build()).fit(t, "label").close());
    }
}
