package org.npt4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, from /proc/self/status (Linux). */
final class ProcessMemory {

    private ProcessMemory() {}

    /** @return the current resident set in MB, NaN where /proc is unavailable */
    static double rssMb() {
        return field("VmRSS:");
    }

    /** @return the peak resident set in MB, NaN where /proc is unavailable */
    static double peakRssMb() {
        return field("VmHWM:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
