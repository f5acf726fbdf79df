package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npt4j.core.Settings.STEPS;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;

/**
 * Training stops when asked: an interrupt ends it at the next step boundary with a clear
 * exception, every native array it allocated is freed, the JVM-wide lock is released, and the next
 * training succeeds.
 */
class InterruptTest {

    private static final Table TABLE = Fixtures.rings(40, 2);
    private static final NptConfig LONG = Fixtures.tiny().set(STEPS, 100_000).build();

    /** A short fit that must succeed once an interrupted one has ended. */
    private static void trainsAgain() {
        try (NptModel model = new NptTrainer(Fixtures.tiny().set(STEPS, 3).build()).fit(TABLE, "label")) {
            assertEquals(3, model.summary().steps());
        }
    }

    @Test
    void anInterruptEndsTrainingAtTheNextStepAndFreesEverything() {
        int before = Engines.liveArrays();
        int stopAt = 3 + new SplittableRandom(System.nanoTime()).nextInt(20);
        AtomicInteger last = new AtomicInteger();
        NptTrainer trainer = new NptTrainer(LONG, p -> {
            last.set(p.step());
            if (p.step() == stopAt) {
                Thread.currentThread().interrupt();
            }
        });
        NptTrainingInterruptedException e = assertThrows(NptTrainingInterruptedException.class, () -> trainer.fit(TABLE, "label"));
        assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller (and cleared here)");
        assertEquals(stopAt, last.get(), "no step ran after the interrupt");
        assertTrue(e.getMessage().contains("step " + (stopAt + 1)), e.getMessage());
        assertEquals(before, Engines.liveArrays(), "every native array of the run was freed");
        trainsAgain();
    }

    @Test
    void cancellingAFutureEndsItsTraining() throws Exception {
        int before = Engines.liveArrays();
        CountDownLatch started = new CountDownLatch(3);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<NptModel> future = pool.submit(() -> new NptTrainer(LONG, p -> started.countDown()).fit(TABLE, "label"));
            assertTrue(started.await(60, TimeUnit.SECONDS), "training started");
            future.cancel(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the cancelled training ended");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before, Engines.liveArrays());
        trainsAgain();
    }

    @Test
    void aRunWaitingForTheLockCanBeInterrupted() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> TrainingLock.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<NptModel> waiting = pool.submit(() -> new NptTrainer(LONG).fit(TABLE, "label"));
            Thread.sleep(200);
            waiting.cancel(true);
            release.countDown();
            holder.join(10_000);
            ExecutionException e = assertThrows(ExecutionException.class, () -> pool.submit(() -> {
                Thread.currentThread().interrupt();
                return new NptTrainer(LONG).fit(TABLE, "label");
            }).get());
            assertInstanceOf(NptTrainingInterruptedException.class, e.getCause());
        } finally {
            pool.shutdownNow();
        }
        trainsAgain();
    }

    @SuppressWarnings({"deprecation", "removal"})
    @Test
    void threadStopLeavesNeitherNativeMemoryNorTheLockBehind() throws Exception {
        // Weka's Explorer calls Thread.stop() after interrupting; from Java 20 on it throws instead.
        assumeTrue(Runtime.version().feature() < 20, "Thread.stop() does nothing on Java 20+");
        int before = Engines.liveArrays();
        CountDownLatch started = new CountDownLatch(5);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread training = new Thread(() -> {
            try {
                new NptTrainer(LONG, p -> started.countDown()).fit(TABLE, "label");
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        training.start();
        assertTrue(started.await(60, TimeUnit.SECONDS));
        training.stop();
        training.join(60_000);
        assertTrue(!training.isAlive() && ended.get() instanceof ThreadDeath, "stopped by ThreadDeath: " + ended.get());
        assertEquals(before, Engines.liveArrays());
        trainsAgain();
    }
}
