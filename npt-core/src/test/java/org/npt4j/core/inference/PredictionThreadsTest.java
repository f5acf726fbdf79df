package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.THREADS;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Predictions run on the model's {@code threads} setting, which {@link NptModel#withThreads} changes
 * and saved models keep, and leave the calling thread's own count as it was.
 */
class PredictionThreadsTest {

    private static final Table QUERIES = Fixtures.rings(30, 2).withoutColumns(List.of("label"));
    private static NptModel model;

    @BeforeAll
    static void fit() {
        model = new NptTrainer(Fixtures.tiny().set(STEPS, 10).build()).fit(Fixtures.rings(60, 1), "label");
    }

    @AfterAll
    static void free() {
        model.close();
    }

    @Test
    void withThreadsChangesTheCountThePassesRunOn() {
        NptModel three = model.withThreads(3);
        assertEquals(3, three.config().get(THREADS));
        assertEquals(0, model.config().get(THREADS), "the original keeps its own setting");
        try (InferenceSession session = InferenceSession.open(Engines.pytorch(), Device.cpu(), three.config(),
                ColumnLayout.of(three.schema()), three.weights())) {
            assertEquals(3, session.threads());
        }
        three.close();
    }

    @Test
    void aPredictionLeavesTheCallersOwnCountAsItWas() {
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(3);
        try {
            try (NptModel one = model.withThreads(1); NptModel two = model.withThreads(2)) {
                one.predict(QUERIES);
                two.predict(QUERIES);
                model.predict(QUERIES);
            }
            assertEquals(3, JniUtils.getNumThreads());
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    @Test
    void theSameCountGivesTheSamePredictionsAndSavedModelsKeepIt() {
        try (NptModel two = model.withThreads(2); NptModel loaded = NptModel.fromBytes(two.toBytes())) {
            assertEquals(2, loaded.config().get(THREADS));
            assertArrayEquals(two.predict(QUERIES).classes("label").probabilities(),
                    loaded.predict(QUERIES).classes("label").probabilities());
        }
    }

    @Test
    void aNegativeCountIsRefusedNamingTheSetting() {
        NptConfigException e = assertThrows(NptConfigException.class, () -> model.withThreads(-1));
        assertEquals("threads", e.field());
    }
}
