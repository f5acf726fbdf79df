package org.npt4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.junit.jupiter.api.Test;

/** The OpenMP waiting policy is in the C environment before libtorch reads it, unless the user chose one. */
class ThreadWaitingTest {

    @Test
    void aBriefSpinIsSetInTheNativeEnvironmentUnlessTheUserChose() {
        Engines.pytorch();
        Function getenv = NativeLibrary.getInstance("c").getFunction("getenv");
        String nativeValue = getenv.invokeString(new Object[] {"GOMP_SPINCOUNT"}, false);
        boolean userChose = System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null;
        String mode = System.getProperty(ThreadWaiting.PROPERTY, "brief");
        if (userChose || !mode.equals("brief")) {
            assertTrue(!ThreadWaiting.describe().contains("set by npt4j"), ThreadWaiting.describe());
        } else {
            assertEquals("GOMP_SPINCOUNT=" + ThreadWaiting.BRIEF_SPIN_COUNT + " (set by npt4j)", ThreadWaiting.describe());
            assertEquals(ThreadWaiting.BRIEF_SPIN_COUNT, nativeValue);
        }
    }
}
