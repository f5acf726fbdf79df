package org.npt4j.weka;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps DJL's start-up messages off a Weka user's console.
 *
 * <p>The package ships the {@code slf4j-jdk14} binding, so DJL logs through java.util.logging,
 * whose default console handler prints INFO and above on standard error. When the PyTorch engine
 * starts, DJL logs at INFO where it found the native library, that the graph executor optimizer is
 * on and its two thread counts: four lines a Weka session, in the terminal of the Explorer or the
 * Experimenter and in the middle of a command-line run's output, none of them of use to a Weka
 * user. The package sets the logger {@value #LOGGER} to WARNING, so that DJL's warnings and errors
 * still show. A level given to that logger (in logging.properties or by code) is left alone.
 */
public final class DjlLog {

    /** The parent of DJL's loggers. */
    static final String LOGGER = "ai.djl";

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger would forget its level. */
    private static final Logger DJL = Logger.getLogger(LOGGER);

    private DjlLog() {}

    /** Raises DJL's log level to WARNING unless it has a level already; cheap enough for every call into DJL. */
    public static synchronized void quietStartupMessages() {
        if (DJL.getLevel() == null) {
            DJL.setLevel(Level.WARNING);
        }
    }
}
