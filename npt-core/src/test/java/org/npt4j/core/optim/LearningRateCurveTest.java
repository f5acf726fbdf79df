package org.npt4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.LearningRateSchedule.CONSTANT;
import static org.npt4j.core.LearningRateSchedule.COSINE_CYCLIC;
import static org.npt4j.core.LearningRateSchedule.FLAT_AND_ANNEAL;
import static org.npt4j.core.LearningRateSchedule.POLYNOMIAL_DECAY_WARMUP;

import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;

/**
 * The warm-up schedules against values worked out by hand, and spot checks that the older ones are
 * unchanged. Step s reads the warm-up schedules at u = s − 1 updates. Unless said otherwise
 * T = 2000, warm-up proportion 0.2, base = 1e-3, so W = 400 and the first cosine period P = 800.
 */
class LearningRateCurveTest {

    private static final double BASE = 1e-3;
    private static final double MIN = 1e-7;
    private static final int T = 2000;

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), what);
    }

    /** The rate of the update after u completed ones. */
    private static double afterUpdates(LearningRateCurve curve, int u) {
        return curve.at(u + 1);
    }

    @Test
    void cosineCyclicWarmsUpThenRunsShrinkingCycles() {
        LearningRateCurve c = new LearningRateCurve(BASE, COSINE_CYCLIC, 0.5, 0.2, T);
        // u = 0: warm-up starts at init = 1e-7.
        assertClose(1e-7, c.at(1), "u=0");
        // u = 200: 1e-7 + 200·(1e-3 − 1e-7)/400 = 1e-7 + 4.9995e-4 = 5.0005e-4.
        assertClose(5.0005e-4, afterUpdates(c, 200), "u=200");
        // u = 400: c = 0, cycle 0, x = 0: 1e-7 + ½(1e-3 − 1e-7)(1 + 1) = 1e-3.
        assertClose(BASE, afterUpdates(c, 400), "u=400");
        // u = 800: c = 400, i = floor(log2 1.5) = 0, x/L = 400/800, cos(π/2) = 0: (1e-3 + 1e-7)/2 = 5.0005e-4.
        assertClose(5.0005e-4, afterUpdates(c, 800), "u=800");
        // u = 1199: c = 799, i = 0, x = 799: 1e-7 + ½(1e-3 − 1e-7)(1 + cos(799π/800)) = 1e-7 + ½(9.999e-4)(1 − cos(π/800)),
        // and 1 − cos(π/800) ≈ (π/800)²/2 ≈ 7.71e-6, so about 1.0386e-7: just above the minimum.
        double u1199 = MIN + 0.5 * (BASE - MIN) * (1 - Math.cos(Math.PI / 800));
        assertClose(u1199, afterUpdates(c, 1199), "u=1199");
        assertTrue(u1199 > 1.0385e-7 && u1199 < 1.0386e-7, "u=1199 near min: " + u1199);
        // u = 1200: c = 800, i = floor(log2 2) = 1, L = 1600, x = 800 − (2 − 1)·800 = 0:
        // ½·1e-7 + ½(½·1e-3 − ½·1e-7)(1 + 1) = ½·1e-3 = 5e-4.
        assertClose(5e-4, afterUpdates(c, 1200), "u=1200");
        // u = 2000: c = 1600, i = floor(log2 3) = 1, x = 1600 − 800 = 800, x/L = ½, cos(π/2) = 0:
        // ½·1e-7 + ½(½·1e-3 − ½·1e-7) = (5e-4 + 5e-8)/2 = 2.50025e-4.
        assertClose(2.50025e-4, afterUpdates(c, 2000), "u=2000");
        // u = 2800: c = 2400 = (4 − 1)·800, the start of cycle 2 exactly: ¼·1e-3 = 2.5e-4.
        assertClose(2.5e-4, afterUpdates(c, 2800), "u=2800");
        // u = 2799: still the end of cycle 1, x = 1599 of L = 1600:
        // ½·1e-7 + ½(½·1e-3 − ½·1e-7)(1 − cos(π/1600)).
        assertClose(0.5 * MIN + 0.5 * (0.5 * BASE - 0.5 * MIN) * (1 - Math.cos(Math.PI / 1600)),
                afterUpdates(c, 2799), "u=2799");
    }

    @Test
    void cosineCyclicWithoutWarmUpIsOneCycleOverTheRun() {
        LearningRateCurve c = new LearningRateCurve(BASE, COSINE_CYCLIC, 0.5, 0.0, T);
        // W = 0: no warm-up, P = T = 2000. u = 0: x = 0, the rate is the base.
        assertClose(BASE, c.at(1), "u=0");
        // u = 1000: x/L = ½: (1e-3 + 1e-7)/2 = 5.0005e-4.
        assertClose(5.0005e-4, afterUpdates(c, 1000), "u=1000");
        // Last step, u = 1999: 1e-7 + ½(1e-3 − 1e-7)(1 − cos(π/2000)).
        assertClose(MIN + 0.5 * (BASE - MIN) * (1 - Math.cos(Math.PI / 2000)), c.at(T), "last step");
        // u = 2000 would start cycle 1 at half height: 5e-4.
        assertClose(5e-4, afterUpdates(c, 2000), "u=2000");
    }

    @Test
    void polynomialDecayWarmsUpFromZeroThenDecaysLinearly() {
        LearningRateCurve p = new LearningRateCurve(BASE, POLYNOMIAL_DECAY_WARMUP, 0.5, 0.2, T);
        // u = 0: factor 0/400 = 0.
        assertEquals(0.0, p.at(1), 0, "u=0");
        // u = 200: 1e-3·200/400 = 5e-4.
        assertClose(5e-4, afterUpdates(p, 200), "u=200");
        // u = 400, end of warm-up: (1e-3 − 1e-7)(1 − 0/1600) + 1e-7 = 1e-3.
        assertClose(BASE, afterUpdates(p, 400), "u=400");
        // u = 1200, midpoint of the decay: (1e-3 − 1e-7)(1 − 800/1600) + 1e-7 = 4.9995e-4 + 1e-7 = 5.0005e-4.
        assertClose(5.0005e-4, afterUpdates(p, 1200), "u=1200");
        // Last step, u = 1999: (1e-3 − 1e-7)(1 − 1599/1600) + 1e-7 = 9.999e-4/1600 + 1e-7 = 6.249375e-7 + 1e-7 = 7.249375e-7.
        assertClose(7.249375e-7, p.at(T), "last step");
        // u = T = 2000: (1e-3 − 1e-7)·0 + 1e-7 = 1e-7; u > T: lr_end = 1e-7.
        assertClose(MIN, afterUpdates(p, 2000), "u=T");
        assertClose(MIN, afterUpdates(p, 2500), "u>T");
    }

    @Test
    void polynomialDecayWithoutWarmUpStartsAtTheBase() {
        LearningRateCurve p = new LearningRateCurve(BASE, POLYNOMIAL_DECAY_WARMUP, 0.5, 0.0, T);
        // W = 0: u = 0 is already in the decay: (1e-3 − 1e-7)(1 − 0/2000) + 1e-7 = 1e-3.
        assertClose(BASE, p.at(1), "u=0");
        // u = 1000: (1e-3 − 1e-7)·½ + 1e-7 = 5.0005e-4.
        assertClose(5.0005e-4, afterUpdates(p, 1000), "u=1000");
    }

    @Test
    void shortWarmUpBelowOneUpdate() {
        // T = 2, proportion 0.25: W = 0.5, P = 1. Cosine: u = 0 < W gives init 1e-7; u = 1: c = 0.5,
        // i = floor(log2 1.5) = 0, x/L = 0.5/1, cos(π/2) = 0: (1e-3 + 1e-7)/2 = 5.0005e-4.
        LearningRateCurve c = new LearningRateCurve(BASE, COSINE_CYCLIC, 0.5, 0.25, 2);
        assertClose(MIN, c.at(1), "cosine u=0");
        assertClose(5.0005e-4, c.at(2), "cosine u=1");
        // Polynomial: u = 0: 0/max(1, 0.5) = 0; u = 1: (1e-3 − 1e-7)(1 − 0.5/1.5) + 1e-7 = 9.999e-4·2/3 + 1e-7.
        LearningRateCurve p = new LearningRateCurve(BASE, POLYNOMIAL_DECAY_WARMUP, 0.5, 0.25, 2);
        assertEquals(0.0, p.at(1), 0, "polynomial u=0");
        assertClose(9.999e-4 * 2 / 3 + 1e-7, p.at(2), "polynomial u=1");
    }

    @Test
    void configPassesTheWarmUpProportionThrough() {
        NptConfig config = NptConfig.builder().set(Settings.LR_SCHEDULE, POLYNOMIAL_DECAY_WARMUP)
                .set(Settings.WARMUP_PROPORTION, 0.5).set(Settings.STEPS, 100).set(Settings.LEARNING_RATE, 1e-2).build();
        // W = 50; u = 25: 1e-2·25/50 = 5e-3 (with the default 0.2 it would already be decaying).
        assertClose(5e-3, LearningRateCurve.of(config).at(26), "u=25");
    }

    @Test
    void rejectsWarmUpProportionsOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateCurve(BASE, COSINE_CYCLIC, 0.5, 1.0, T));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateCurve(BASE, COSINE_CYCLIC, 0.5, -0.1, T));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateCurve(BASE, COSINE_CYCLIC, 0.5, 0.2, 0));
    }

    @Test
    void olderSchedulesAreUnchanged() {
        // T = 10, p = 0.5: F = 5, T_a = 5; step 6: 1e-3·½(1 + cos(π/5)); step 10: 1e-3·½(1 + cos π) = 0.
        for (LearningRateCurve f : new LearningRateCurve[] {new LearningRateCurve(BASE, FLAT_AND_ANNEAL, 0.5, 10),
                new LearningRateCurve(BASE, FLAT_AND_ANNEAL, 0.5, 0.0, 10)}) {
            assertEquals(BASE, f.at(5), 0, "flat");
            assertEquals(BASE * 0.5 * (1 + Math.cos(Math.PI / 5)), f.at(6), 0, "step 6");
            assertEquals(0.0, f.at(10), 1e-18, "step 10");
        }
        // Through the configuration, T = 2000, p = 0.5: F = 1000, T_a = 1000; step 1500: 1e-3·½(1 + cos(π/2)) = 5e-4.
        NptConfig config = NptConfig.builder().set(Settings.LR_SCHEDULE, FLAT_AND_ANNEAL).set(Settings.STEPS, T)
                .set(Settings.FLAT_PROPORTION, 0.5).set(Settings.LEARNING_RATE, BASE).build();
        assertClose(5e-4, LearningRateCurve.of(config).at(1500), "configured step 1500");
        assertEquals(0.2, new LearningRateCurve(0.2, CONSTANT, 0.5, 0.3, 10).at(7), 0, "constant");
    }
}
