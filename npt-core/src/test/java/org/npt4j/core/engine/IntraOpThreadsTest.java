package org.npt4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;

/** A small model's work runs on one intra-op thread, a larger one's on PyTorch's own count, and the count comes back. */
class IntraOpThreadsTest {

    private static int threads;

    @BeforeAll
    static void twoThreadsAtLeast() {
        Engines.pytorch();
        // On a one-core machine there is nothing to narrow: use two threads so the test still tells the cases apart.
        if (JniUtils.getNumThreads() < 2) {
            JniUtils.setNumThreads(2);
        }
        threads = JniUtils.getNumThreads();
    }

    @Test
    void smallModelsRunOnOneThreadAndTheCountIsRestored() {
        assertEquals(1, IntraOpThreads.forModel(IntraOpThreads.DEFAULT_ELEMENTS, JniUtils::getNumThreads));
        assertEquals(threads, JniUtils.getNumThreads());
        assertEquals(threads, IntraOpThreads.forModel(IntraOpThreads.DEFAULT_ELEMENTS + 1, JniUtils::getNumThreads));
    }

    @Test
    void theCountIsRestoredWhenTheWorkFails() {
        assertThrows(IllegalStateException.class, () -> IntraOpThreads.forModel(10, () -> {
            throw new IllegalStateException("failed inside");
        }));
        assertEquals(threads, JniUtils.getNumThreads());
    }

    @Test
    void theBoundIsASystemProperty() {
        Fixtures.withProperty(IntraOpThreads.PROPERTY, "0", () -> {
            assertEquals(threads, IntraOpThreads.forModel(10, JniUtils::getNumThreads));
            return null;
        });
        Fixtures.withProperty(IntraOpThreads.PROPERTY, "lots", () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> IntraOpThreads.forModel(10, () -> 0));
            assertTrue(e.getMessage().contains("npt4j.singleThreadElements=lots"), e.getMessage());
            return null;
        });
    }
}
