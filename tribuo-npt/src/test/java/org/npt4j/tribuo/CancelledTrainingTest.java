package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.npt4j.core.engine.Engines;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** A cancelled Future of a Tribuo training task ends the training and frees its native memory. */
class CancelledTrainingTest {

    @Test
    void cancellingTheTrainingTaskAtARandomStepEndsIt() throws Exception {
        MutableDataset<Label> data = TribuoFixtures.breastCancer(80);
        NptClassificationTrainer trainer = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 100_000).build());
        int cancelAt = 2 + new SplittableRandom(System.nanoTime()).nextInt(15);
        CountDownLatch reached = new CountDownLatch(cancelAt);
        AtomicInteger steps = new AtomicInteger();
        int before = Engines.liveArrays();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<NptTribuoModel<Label>> task = pool.submit(() -> trainer.train(data, null, Map.of(), p -> {
                steps.set(p.step());
                reached.countDown();
            }));
            assertTrue(reached.await(60, TimeUnit.SECONDS), "training reached step " + cancelAt);
            task.cancel(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the cancelled training ended");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(steps.get() <= cancelAt + 1, "training ended within a step of the cancel, at step " + steps.get());
        assertEquals(before, Engines.liveArrays(), "the cancelled training freed its native memory");
        try (NptTribuoModel<Label> model = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 3).build()).train(data)) {
            assertEquals(3, model.trainingSummary().steps());
        }
    }
}
