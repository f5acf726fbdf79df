package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;

/**
 * Every native array has an owner that closes it: the number of live arrays in the JVM stays
 * constant from step to step of a long run, and returns to where it was once a model is closed.
 */
class NativeMemoryTest {

    @Test
    void liveArraysDoNotGrowStepOverStep() {
        // Models left open by other tests would otherwise be released by the idle timer mid-count.
        String idle = System.setProperty(NptModel.IDLE_RELEASE_PROPERTY, "600000");
        try {
            NptModel.releaseAllNativeMemory();
            countArrays();
        } finally {
            if (idle == null) {
                System.clearProperty(NptModel.IDLE_RELEASE_PROPERTY);
            } else {
                System.setProperty(NptModel.IDLE_RELEASE_PROPERTY, idle);
            }
        }
    }

    private static void countArrays() {
        Table t = Fixtures.rings(60, 1);
        List<Integer> counts = new ArrayList<>();
        int before = Engines.liveArrays();
        // Mini-batches exercise the per-batch scopes, evaluation and checkpoint copies every epoch.
        NptTrainer trainer = new NptTrainer(Fixtures.tiny().set(STEPS, 240).set(BATCH_SIZE, 24).set(PREDICTION_BATCH_SIZE, 8)
                .set(EVALUATION_INTERVAL, 1).build(), p -> counts.add(Engines.liveArrays()));
        try (NptModel model = trainer.fit(t, "label")) {
            // Lookahead's slow weights appear at the first sync and checkpoint copies at the first evaluation.
            List<Integer> steady = counts.subList(20, counts.size());
            assertTrue(steady.stream().distinct().count() == 1, "live arrays per step: " + steady);
            assertEquals(before, Engines.liveArrays(), "training frees everything it allocated");
            model.predict(Fixtures.rings(30, 2));
            int loaded = Engines.liveArrays();
            for (int i = 0; i < 20; i++) {
                model.predict(Fixtures.rings(30, 2));
                model.attention(Fixtures.rings(5, 3));
            }
            assertEquals(loaded, Engines.liveArrays(), "repeated predictions allocate nothing that outlives them");
        }
        assertEquals(before, Engines.liveArrays(), "closing the model frees its weights");
    }
}
