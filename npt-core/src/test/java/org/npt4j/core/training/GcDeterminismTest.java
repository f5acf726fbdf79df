package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.npt4j.core.Settings.STEPS;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;

/**
 * Training is reproducible even while the garbage collector runs constantly. Native tensors that
 * autograd keeps for the backward pass must not live in Java-owned memory the collector can free
 * (DJL's {@code mul(Number)} does exactly that); if one does, this run diverges or turns NaN.
 */
class GcDeterminismTest {

    @Test
    void collectingGarbageDuringTrainingChangesNothing() throws InterruptedException {
        Table t = Fixtures.rings(60, 3);
        NptConfig config = Fixtures.tiny().set(STEPS, 40).build();
        byte[] quiet;
        try (NptModel m = new NptTrainer(config).fit(t, "label")) {
            quiet = m.weights();
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                byte[] garbage = new byte[1 << 16];
                garbage[0] = 1;
                System.gc();
            }
        });
        collector.setDaemon(true);
        collector.start();
        try (NptModel m = new NptTrainer(config).fit(t, "label")) {
            assertArrayEquals(quiet, m.weights());
        } finally {
            running.set(false);
            collector.join();
        }
    }
}
