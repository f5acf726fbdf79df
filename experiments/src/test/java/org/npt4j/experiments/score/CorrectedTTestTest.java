package org.npt4j.experiments.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.npt4j.experiments.score.CorrectedTTest.Outcome;
import org.npt4j.experiments.score.CorrectedTTest.Result;

class CorrectedTTestTest {

    private static final CorrectedTTest AT_5_PERCENT = new CorrectedTTest(0.05);

    private static final double[] BASE = {10, 10, 10, 10, 10};
    /** Differences 1..5 from BASE: mean 3, sample variance 2.5. */
    private static final double[] AHEAD = {11, 12, 13, 14, 15};

    @Test
    void aHandWorkedFiveFoldExampleGivesTheKnownStatisticAndPValue() {
        // Five folds of 5-fold CV: n_test/n_train = 1/4, corrected variance (1/5 + 1/4) * 2.5 = 1.125,
        // t = 3 / sqrt(1.125) = 2 sqrt(2). On 4 degrees of freedom the t CDF has a closed form, from which
        // the two-sided p-value for t = 2 sqrt(2) is 1 - (7/6) sqrt(2/3) = 0.0474...
        Result r = AT_5_PERCENT.compare(AHEAD, BASE, 0.25, Metric.ACCURACY);
        assertEquals(5, r.pairs());
        assertEquals(3, r.meanDifference(), 1e-12);
        assertEquals(2 * Math.sqrt(2), r.t(), 1e-12);
        assertEquals(1 - 7.0 / 6 * Math.sqrt(2.0 / 3), r.p(), 1e-9);
        assertEquals(Outcome.WIN, r.outcome(), "p = 0.047 is within 0.05");
        assertEquals(Outcome.TIE, new CorrectedTTest(0.04).compare(AHEAD, BASE, 0.25, Metric.ACCURACY).outcome(),
                "but not within 0.04");
    }

    @Test
    void aHandWorkedThreeFoldExampleIsATie() {
        // Differences 1, 2, 6: mean 3, variance 7; 3-fold CV has n_test/n_train = 1/2, so
        // t = 3 / sqrt((1/3 + 1/2) * 7) = 3 sqrt(6/35). On 2 degrees of freedom the two-sided
        // p-value is 1 - t / sqrt(2 + t^2) = 1 - sqrt(27/62) = 0.340...
        Result r = AT_5_PERCENT.test(new double[] {1, 2, 6}, 0.5, true);
        assertEquals(3 * Math.sqrt(6.0 / 35), r.t(), 1e-12);
        assertEquals(1 - Math.sqrt(27.0 / 62), r.p(), 1e-9);
        assertEquals(Outcome.TIE, r.outcome());
    }

    @Test
    void withoutTheCorrectionItIsCommonsMathsPairedTTest() {
        double[] a = {0.81, 0.84, 0.79, 0.88, 0.83, 0.86, 0.80, 0.85, 0.82, 0.87};
        double[] b = {0.80, 0.85, 0.75, 0.86, 0.80, 0.86, 0.77, 0.84, 0.80, 0.83};
        Result r = AT_5_PERCENT.compare(a, b, 0, Metric.ACCURACY);
        TTest plain = new TTest();
        assertEquals(plain.pairedT(a, b), r.t(), 1e-9);
        assertEquals(plain.pairedTTest(a, b), r.p(), 1e-9);
        assertTrue(r.p() < 0.05, "the plain test calls this significant: p = " + r.p());
        assertEquals(Outcome.WIN, r.outcome());
        Result corrected = AT_5_PERCENT.compare(a, b, 1.0 / 9, Metric.ACCURACY);
        assertTrue(Math.abs(corrected.t()) < Math.abs(r.t()) && corrected.p() > r.p(),
                "the correction for 10-fold CV's overlapping training sets weakens the evidence");
    }

    @Test
    void aWinOnALowerIsBetterMetricIsAReduction() {
        assertEquals(Outcome.LOSS, AT_5_PERCENT.compare(AHEAD, BASE, 0.25, Metric.RMSE).outcome(), "a higher RMSE is worse");
        Result lower = AT_5_PERCENT.compare(BASE, AHEAD, 0.25, Metric.RMSE);
        assertEquals(-2 * Math.sqrt(2), lower.t(), 1e-12);
        assertEquals(Outcome.WIN, lower.outcome());
        assertEquals(Outcome.LOSS, AT_5_PERCENT.compare(BASE, AHEAD, 0.25, Metric.ACCURACY).outcome());
    }

    @Test
    void equalNonZeroDifferencesAreSignificantInTheirDirection() {
        // Binary fractions, so that the differences are equal exactly, not merely to rounding.
        Result ahead = AT_5_PERCENT.compare(new double[] {0.875, 0.75, 0.625}, new double[] {0.625, 0.5, 0.375}, 0.5, Metric.AUROC);
        assertEquals(Double.POSITIVE_INFINITY, ahead.t());
        assertEquals(0, ahead.p());
        assertEquals(Outcome.WIN, ahead.outcome());
        Result behind = AT_5_PERCENT.test(new double[] {-0.5, -0.5}, 1, false);
        assertEquals(Double.NEGATIVE_INFINITY, behind.t());
        assertEquals(Outcome.WIN, behind.outcome(), "lower is better here");
    }

    @Test
    void allZeroDifferencesAreATie() {
        Result r = AT_5_PERCENT.compare(BASE, BASE, 0.25, Metric.MAE);
        assertEquals(0, r.t());
        assertEquals(1, r.p());
        assertEquals(Outcome.TIE, r.outcome());
    }

    @Test
    void fewerThanTwoPairsAreNotTested() {
        Result one = AT_5_PERCENT.test(new double[] {0.3}, 0.25, true);
        assertEquals(Outcome.UNTESTED, one.outcome());
        assertEquals(1, one.pairs());
        assertEquals(0.3, one.meanDifference());
        assertTrue(Double.isNaN(one.t()) && Double.isNaN(one.p()));
        Result none = AT_5_PERCENT.test(new double[0], 0.25, true);
        assertEquals(Outcome.UNTESTED, none.outcome());
        assertTrue(Double.isNaN(none.meanDifference()));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CorrectedTTest(0));
        assertThrows(IllegalArgumentException.class, () -> new CorrectedTTest(1));
        assertThrows(IllegalArgumentException.class, () -> AT_5_PERCENT.compare(AHEAD, new double[] {1}, 0.25, Metric.R2));
        assertThrows(IllegalArgumentException.class, () -> AT_5_PERCENT.test(new double[] {1, 2}, -0.1, true));
    }
}
