package org.npt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;

class CpuPresetSearchTest {

    @Test
    void aCandidateChangesOnlyWhatItNamesAndTakesTheSplitsSeed() {
        CpuPresetSearch.Candidate c = CpuPresetSearch.Candidate.parse("s1500lr5t1:steps=1500,learningRate=5e-3,targetMaskProbability=1.0");
        NptConfig base = NptConfig.builder(Preset.CPU_FAST).set(Settings.STEPS, 300).set(Settings.LEARNING_RATE, 2e-3)
                .set(Settings.TARGET_MASK_PROBABILITY, 0.5).build();
        NptConfig expected = base.toBuilder().set(Settings.STEPS, 1500).set(Settings.LEARNING_RATE, 5e-3)
                .set(Settings.TARGET_MASK_PROBABILITY, 1.0).set(Settings.SEED, 13L).build();
        assertEquals(expected, c.apply(base, 13L));
        assertEquals("s1500lr5t1", c.name());
        assertEquals("steps=1500,learningRate=5e-3,targetMaskProbability=1.0", c.describe());
    }

    @Test
    void aBareNameKeepsTheConfiguredSettings() {
        NptConfig base = NptConfig.of(Preset.CPU_FAST);
        assertEquals(base.toBuilder().set(Settings.SEED, 3L).build(), CpuPresetSearch.Candidate.parse("current").apply(base, 3L));
    }

    @Test
    void malformedOrUnknownSettingsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuPresetSearch.Candidate.parse("x:steps"));
        assertEquals("candidate x: 'steps' is not setting=value", e.getMessage());
        CpuPresetSearch.Candidate unknown = CpuPresetSearch.Candidate.parse("y:width=8");
        NptConfigException n = assertThrows(NptConfigException.class, () -> unknown.apply(NptConfig.of(Preset.CPU_FAST), 1L));
        assertTrue(n.getMessage().contains("width"), n.getMessage());
    }
}
