package org.npt4j.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import org.npt4j.core.TradeoffSchedule;

/** The feature-loss weight λ per step, against values computed by hand from the reference's annealer. */
class TradeoffCurveTest {

    @Test
    void startsAtOneAndAnnealsByCosineAsTheReferenceStepsIt() {
        TradeoffCurve s = new TradeoffCurve(1.0, TradeoffSchedule.COSINE, 1.0, 10);
        assertEquals(1.0, s.at(1), 0);
        assertEquals(1.0, s.at(2), 0);
        assertEquals(0.5 * (1 + Math.cos(Math.PI / 10)), s.at(3), 1e-15);
        assertEquals(0.5, s.at(7), 1e-12);
        assertEquals(0.0, s.at(12), 1e-12);
        assertEquals(0.0, s.at(13), 0);
    }

    @Test
    void constantKeepsItsStartValue() {
        assertEquals(0.5, new TradeoffCurve(0.5, TradeoffSchedule.CONSTANT, 1.0, 10).at(9), 0);
    }

    @Test
    void annealingOverHalfTheStepsReachesZeroHalfWay() {
        TradeoffCurve half = new TradeoffCurve(1.0, TradeoffSchedule.COSINE, 0.5, 10);
        assertEquals(0.0, half.at(7), 1e-12);
        assertEquals(0.0, half.at(9), 0);
    }

    @Test
    void readsItsSettingsFromTheConfiguration() {
        NptConfig config = NptConfig.builder(Preset.PAPER).set(Settings.STEPS, 10).set(Settings.TRADEOFF_START, 0.8)
                .set(Settings.TRADEOFF_ANNEALING_PROPORTION, 0.5).build();
        assertEquals(new TradeoffCurve(0.8, TradeoffSchedule.COSINE, 0.5, 10).at(4), TradeoffCurve.of(config).at(4), 0);
        assertEquals(0.8 * 0.5 * (1 + Math.cos(Math.PI * 2 / 5)), TradeoffCurve.of(config).at(4), 1e-12);
    }
}
