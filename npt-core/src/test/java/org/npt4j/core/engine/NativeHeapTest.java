package org.npt4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native-heap modes: an unknown mode is refused by name, reuse applies on Linux/glibc, system leaves malloc alone. */
class NativeHeapTest {

    @AfterEach
    void restore() {
        System.clearProperty(NativeHeap.PROPERTY);
        NativeHeap.configure();
    }

    @Test
    void unknownModeIsRefusedWithTheProperty() {
        System.setProperty(NativeHeap.PROPERTY, "fast");
        IllegalStateException e = assertThrows(IllegalStateException.class, NativeHeap::configure);
        assertTrue(e.getMessage().contains("npt4j.malloc=fast"), e.getMessage());
        assertTrue(e.getMessage().contains("'system' or 'reuse'"), e.getMessage());
    }

    @Test
    void reuseTakesEffectOnLinuxAndReleaseReturnsMemory() {
        System.setProperty(NativeHeap.PROPERTY, " Reuse ");
        NativeHeap.configure();
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getenv("GLIBC_TUNABLES") == null;
        assertEquals(linux, NativeHeap.reusing());
        NativeHeap.release();
    }

    @Test
    void systemModeTouchesNothing() {
        System.setProperty(NativeHeap.PROPERTY, "system");
        NativeHeap.configure();
        assertFalse(NativeHeap.reusing());
    }
}
