package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/** A model kept around after use gives its native memory back by itself, and reloads it when needed. */
class IdleReleaseTest {

    @AfterEach
    void restoreDefault() {
        System.clearProperty(NptModel.IDLE_RELEASE_PROPERTY);
    }

    @Test
    void idleModelFreesItsWeightsAndReloadsThemForTheNextPrediction() throws InterruptedException {
        System.setProperty(NptModel.IDLE_RELEASE_PROPERTY, "200");
        NptModel model = new NptTrainer(Fixtures.tiny().set(STEPS, 5).build()).fit(Fixtures.rings(40, 1), "label");
        Table rows = Fixtures.rings(10, 2);
        assertFalse(model.holdsNativeMemory(), "nothing native before the first prediction");
        double[][] first = model.predict(rows).classes("label").probabilities();
        assertTrue(model.holdsNativeMemory());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (model.holdsNativeMemory() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(model.holdsNativeMemory(), "released after 200 ms idle");
        assertArrayEquals(first, model.predict(rows).classes("label").probabilities(), "reloaded weights predict the same");
        NptModel.releaseAllNativeMemory();
        assertFalse(model.holdsNativeMemory());
    }
}
