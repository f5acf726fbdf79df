package org.npt4j.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DJL's INFO messages stay off the console unless its log level was set by the user. */
class DjlLogTest {

    private final Logger djl = Logger.getLogger(DjlLog.LOGGER);
    private final Level before = djl.getLevel();

    @AfterEach
    void restore() {
        djl.setLevel(before);
    }

    @Test
    void djlLogsWarningsAndAboveWhenNoLevelWasSet() throws Exception {
        djl.setLevel(null);
        ContextClassLoader.call(() -> null); // every call into DJL goes through here
        assertEquals(Level.WARNING, djl.getLevel());
        assertFalse(Logger.getLogger("ai.djl.pytorch.engine.PtEngine").isLoggable(Level.INFO));
        assertTrue(Logger.getLogger("ai.djl.pytorch.engine.PtEngine").isLoggable(Level.WARNING));
    }

    @Test
    void aLevelTheUserSetIsKept() throws Exception {
        djl.setLevel(Level.FINE);
        ContextClassLoader.call(() -> null);
        assertEquals(Level.FINE, djl.getLevel());
    }
}
