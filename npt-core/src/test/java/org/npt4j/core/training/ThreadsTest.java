package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.THREADS;

import ai.djl.pytorch.jni.JniUtils;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.IntraOpThreads;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;

/**
 * The {@code threads} setting in training: every step runs on exactly the count asked for, on the
 * training thread only, and the thread's own count comes back afterwards; two trainings started side
 * by side take turns and each runs on its own count; the optimiser's host update stays within the
 * count; the same count gives the same model.
 */
class ThreadsTest {

    /** A count no test thread has by default, so that "restored" cannot pass by accident. */
    private static final int OWN_COUNT = 3;

    @BeforeAll
    static void loadEngine() {
        Engines.pytorch(DeviceSpec.parse("cpu"));
    }

    @Test
    void everyStepRunsOnTheRequestedCountAndTheThreadsOwnCountComesBack() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        NptConfig config = Fixtures.tiny().set(STEPS, 5).set(THREADS, 2).build();
        int after = withOwnCount(() -> {
            try (NptModel m = new NptTrainer(config, p -> seen.add(JniUtils.getNumThreads())).fit(Fixtures.rings(40, 1), "label")) {
                assertEquals(2, m.config().get(THREADS), "the model keeps the setting for its predictions");
            }
            return JniUtils.getNumThreads();
        });
        assertEquals(Set.of(2), seen);
        assertEquals(OWN_COUNT, after);
    }

    @Test
    void twoTrainingsSideBySideEachRunOnOneThreadAndTakeTurns() throws Exception {
        NptConfig config = Fixtures.tiny().set(STEPS, 8).set(THREADS, 1).build();
        Table table = Fixtures.rings(40, 2);
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService two = Executors.newFixedThreadPool(2);
        // Without the small-model rule, so that only the setting can put these tiny models on one thread.
        List<Future<Integer>> afterwards = Fixtures.withProperty(IntraOpThreads.PROPERTY, "0", () -> {
            try {
                return two.invokeAll(List.of(() -> train(config, table, start, running, mostAtOnce, seen),
                        () -> train(config, table, start, running, mostAtOnce, seen)), 2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                two.shutdownNow();
            }
        });
        for (Future<Integer> f : afterwards) {
            assertEquals(OWN_COUNT, f.get(), "each training thread's own count comes back");
        }
        assertEquals(Set.of(1), seen, "every step of both trainings ran on one intra-op thread");
        assertEquals(1, mostAtOnce.get(), "the trainings take turns on the training lock");
    }

    private static int train(NptConfig config, Table table, CyclicBarrier start, AtomicInteger running, AtomicInteger mostAtOnce,
            Set<Integer> seen) {
        return withOwnCount(() -> {
            TrainingListener listener = p -> {
                seen.add(JniUtils.getNumThreads());
                if (p.step() == 1) {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                }
                if (p.step() == p.totalSteps()) {
                    running.decrementAndGet();
                }
            };
            try {
                start.await(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            try (NptModel m = new NptTrainer(config, listener).fit(table, "label")) {
                return JniUtils.getNumThreads();
            }
        });
    }

    @Test
    void theOptimisersHostUpdateUsesNoHelperThreadOnOneThread() {
        // e = 32 gives the network more weights than the host update works through inline, so that two threads share it.
        NptConfig base = Fixtures.tiny().set(EMBEDDING_DIM, 32).set(STEPS, 30).build();
        long two = optimiserHelperNanos(base.toBuilder().set(THREADS, 2).build());
        long one = optimiserHelperNanos(base.toBuilder().set(THREADS, 1).build());
        assertTrue(two > 0, "with two threads the update is shared with a helper");
        assertEquals(0, one, "with one thread the update stays on the training thread");
    }

    /** @return CPU time the optimiser's helper threads ({@code npt4j-optimizer-N}) spent during a fit */
    private static long optimiserHelperNanos(NptConfig config) {
        long before = helperCpuNanos();
        try (NptModel m = new NptTrainer(config).fit(Fixtures.rings(60, 4), "label")) {
            return helperCpuNanos() - before;
        }
    }

    /**
     * Read through reflection: the tests compile inside npt-core's module, which does not read
     * java.management; they run on the class path, where it is there.
     */
    private static long helperCpuNanos() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> type = Class.forName("java.lang.management.ThreadMXBean");
            assumeTrue((Boolean) type.getMethod("isThreadCpuTimeSupported").invoke(bean), "no per-thread CPU time here");
            Method cpuTime = type.getMethod("getThreadCpuTime", long.class);
            long sum = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("npt4j-optimizer-")) {
                    sum += Math.max(0, (Long) cpuTime.invoke(bean, t.getId()));
                }
            }
            return sum;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSameCountGivesTheSameModel() {
        NptConfig config = Fixtures.tiny().set(STEPS, 10).set(THREADS, 2).build();
        Table table = Fixtures.wave(50, 5);
        try (NptModel a = new NptTrainer(config).fit(table, "y"); NptModel b = new NptTrainer(config).fit(table, "y")) {
            assertArrayEquals(a.weights(), b.weights());
        }
    }

    /** Runs {@code body} with the calling thread's PyTorch count at {@link #OWN_COUNT}, then puts the thread's count back. */
    private static <T> T withOwnCount(java.util.function.Supplier<T> body) {
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(OWN_COUNT);
        try {
            return body.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
