package org.npt4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.Fixtures;

/**
 * The {@code threads} setting's thread count holds for the work and only on the calling thread: a
 * requested count exactly, 0 as one thread for a small model and PyTorch's default otherwise, and
 * the calling thread's own count comes back afterwards, also after a failure.
 */
class IntraOpThreadsTest {

    private static final long SMALL = IntraOpThreads.DEFAULT_ELEMENTS;
    private static final long LARGE = IntraOpThreads.DEFAULT_ELEMENTS + 1;

    private static int defaultThreads;

    @BeforeAll
    static void loadEngine() {
        Engines.pytorch(DeviceSpec.parse("cpu"));
        defaultThreads = Engines.defaultIntraOpThreads();
    }

    @Test
    void zeroRunsSmallModelsOnOneThreadAndLargerOnesOnPyTorchsDefault() {
        int before = JniUtils.getNumThreads();
        assertEquals(1, IntraOpThreads.forModel(0, SMALL, JniUtils::getNumThreads));
        assertEquals(before, JniUtils.getNumThreads());
        assertEquals(defaultThreads, IntraOpThreads.forModel(0, LARGE, JniUtils::getNumThreads));
        assertEquals(before, JniUtils.getNumThreads());
    }

    @Test
    void aRequestedCountIsExactWhateverTheModelsSize() {
        int before = JniUtils.getNumThreads();
        assertEquals(3, IntraOpThreads.forModel(3, SMALL, JniUtils::getNumThreads));
        assertEquals(1, IntraOpThreads.forModel(1, LARGE, JniUtils::getNumThreads));
        assertEquals(defaultThreads + 5, IntraOpThreads.forModel(defaultThreads + 5, LARGE, JniUtils::getNumThreads));
        assertEquals(before, JniUtils.getNumThreads());
    }

    @Test
    void zeroIsPyTorchsDefaultEvenOnAThreadWhoseCountWasChanged() {
        assertEquals(defaultThreads, onThreadWithCount(defaultThreads + 2,
                () -> IntraOpThreads.forModel(0, LARGE, JniUtils::getNumThreads)));
        assertEquals(defaultThreads + 2, onThreadWithCount(defaultThreads + 2, () -> {
            IntraOpThreads.forModel(0, LARGE, () -> 0);
            return JniUtils.getNumThreads();
        }), "the thread's own count comes back");
    }

    @Test
    void theCountIsRestoredWhenTheWorkFails() {
        int before = JniUtils.getNumThreads();
        assertThrows(IllegalStateException.class, () -> IntraOpThreads.forModel(before + 1, LARGE, () -> {
            throw new IllegalStateException("failed inside");
        }));
        assertEquals(before, JniUtils.getNumThreads());
    }

    @Test
    void otherThreadsKeepTheirCountMeanwhile() throws Exception {
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch workRunning = new CountDownLatch(1);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> onThreadWithCount(3, () -> {
            counted.countDown();
            await(workRunning);
            return JniUtils.getNumThreads();
        }), runnable -> new Thread(runnable, "other-pytorch-work").start());
        await(counted);
        IntraOpThreads.forModel(1, LARGE, () -> {
            workRunning.countDown();
            return other.join();
        });
        assertEquals(3, other.get(10, TimeUnit.SECONDS));
    }

    /** PyTorch gives a new thread the last count any thread set; once the work is done, that is the caller's again. */
    @Test
    void newThreadsStartOnTheCallersCountAfterTheWork() throws Exception {
        int before = JniUtils.getNumThreads();
        IntraOpThreads.forModel(before + 3, LARGE, () -> 0);
        assertEquals(before, onNewThread(JniUtils::getNumThreads));
    }

    @Test
    void aNegativeCountIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntraOpThreads.forModel(-1, LARGE, () -> 0));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void theBoundIsASystemProperty() {
        Fixtures.withProperty(IntraOpThreads.PROPERTY, "0", () -> {
            assertEquals(defaultThreads, IntraOpThreads.forModel(0, 10, JniUtils::getNumThreads));
            return null;
        });
        Fixtures.withProperty(IntraOpThreads.PROPERTY, "lots", () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> IntraOpThreads.forModel(0, 10, () -> 0));
            assertTrue(e.getMessage().contains("npt4j.singleThreadElements=lots"), e.getMessage());
            return null;
        });
    }

    /** Runs {@code body} on the current thread with its PyTorch count set to {@code count}, then puts it back. */
    private static <T> T onThreadWithCount(int count, java.util.function.Supplier<T> body) {
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(count);
        try {
            return body.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    private static int onNewThread(IntSupplier body) throws Exception {
        int[] seen = new int[1];
        Thread t = new Thread(() -> seen[0] = body.getAsInt(), "fresh-pytorch-thread");
        t.start();
        t.join(10_000);
        return seen[0];
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
