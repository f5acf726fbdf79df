package org.npt4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void aurocCountsTiesAsHalf() {
        assertEquals(1.0, Metrics.auroc(new boolean[] {false, false, true, true}, new double[] {0.1, 0.2, 0.8, 0.9}));
        assertEquals(0.5, Metrics.auroc(new boolean[] {false, true}, new double[] {0.5, 0.5}));
        assertEquals(0.75, Metrics.auroc(new boolean[] {false, true, false, true}, new double[] {0.1, 0.4, 0.45, 0.8}));
        assertTrue(Double.isNaN(Metrics.auroc(new boolean[] {true, true}, new double[] {0.1, 0.2})));
    }

    @Test
    void regressionAndClassificationScores() {
        assertEquals(0.5, Metrics.accuracy(new int[] {0, 1}, new int[] {0, 0}));
        assertEquals(Math.sqrt(2.5), Metrics.rmse(new double[] {0, 0}, new double[] {1, 2}), 1e-12);
        assertEquals(1.5, Metrics.mae(new double[] {0, 0}, new double[] {1, -2}), 1e-12);
        assertEquals(1.0, Metrics.r2(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 1e-12);
        assertEquals(-Math.log(0.8), Metrics.logLoss(new int[] {1}, new double[][] {{0.2, 0.8}}), 1e-12);
    }
}
