package org.npt4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.npt4j.core.DeviceSpec;

class GpuProbeLogTest {

    private final Logger probe = Logger.getLogger(GpuProbeLog.LOGGER);

    @AfterEach
    void liftQuieting() {
        GpuProbeLog.applyFor(DeviceSpec.parse("auto"));
        probe.setLevel(null);
    }

    @Test
    void cpuRunQuietsTheWarningAndAGpuRunBringsItBack() {
        probe.setLevel(null);
        GpuProbeLog.applyFor(DeviceSpec.parse("cpu"));
        assertEquals(Level.SEVERE, probe.getLevel());
        assertEquals(false, probe.isLoggable(Level.WARNING));
        GpuProbeLog.applyFor(DeviceSpec.parse("gpu"));
        assertNull(probe.getLevel(), "a GPU run must see why no GPU is usable");
    }

    @Test
    void autoKeepsTheWarning() {
        probe.setLevel(null);
        GpuProbeLog.applyFor(DeviceSpec.parse("auto"));
        assertNull(probe.getLevel());
    }

    @Test
    void aLevelTheUserSetIsLeftAlone() {
        probe.setLevel(Level.ALL);
        GpuProbeLog.applyFor(DeviceSpec.parse("cpu"));
        assertEquals(Level.ALL, probe.getLevel());
        GpuProbeLog.applyFor(DeviceSpec.parse("gpu:0"));
        assertEquals(Level.ALL, probe.getLevel());
    }
}
