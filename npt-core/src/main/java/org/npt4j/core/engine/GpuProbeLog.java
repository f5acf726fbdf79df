package org.npt4j.core.engine;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.npt4j.core.DeviceSpec;

/**
 * Keeps DJL's CUDA probe quiet on runs that asked for the CPU.
 *
 * <p>When the PyTorch engine loads, DJL counts GPUs through the CUDA runtime library, and on a
 * machine that has that library but no usable driver it logs "Failed to detect GPU count: CUDA
 * driver version is insufficient..." as a warning, twice, on every run, even with {@code device
 * cpu}. For a CPU run that is noise that reads like a fault. A run that asked for a GPU ({@code
 * gpu}, {@code gpu:N} or {@code auto}) keeps the warning, since it then explains why no GPU is
 * used (besides npt4j's own message from {@link Devices}).
 *
 * <p>This works through {@code java.util.logging}, which is where DJL's SLF4J messages go with the
 * {@code slf4j-jdk14} binding (the Weka package and the experiment runner use it). Under another
 * SLF4J binding (Logback, Log4j) configure the logger {@value #LOGGER} there. A level the user gave
 * that logger is left alone.
 */
final class GpuProbeLog {

    /** DJL's logger for the CUDA probe. */
    static final String LOGGER = "ai.djl.util.cuda.CudaUtils";

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger would forget its level. */
    private static final Logger PROBE = Logger.getLogger(LOGGER);
    private static boolean quietedHere;

    private GpuProbeLog() {}

    /**
     * Quiets the probe's warnings when the run asked for the CPU; lifts a quieting of its own when
     * a later run asks for a GPU.
     *
     * @param requested the device the run asked for
     */
    static synchronized void applyFor(DeviceSpec requested) {
        boolean cpu = requested.kind() == DeviceSpec.Kind.CPU;
        if (cpu && PROBE.getLevel() == null) {
            PROBE.setLevel(Level.SEVERE);
            quietedHere = true;
        } else if (!cpu && quietedHere) {
            PROBE.setLevel(null);
            quietedHere = false;
        }
    }
}
