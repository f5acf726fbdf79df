package org.npt4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.GRADIENT_CLIP_VALUE;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.LOOKAHEAD_ALPHA;
import static org.npt4j.core.Settings.LOOKAHEAD_STEPS;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.LearningRateSchedule;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.GradMode;
import org.npt4j.core.engine.Tensors;

/** LAMB, Lookahead, clipping and the learning-rate curve against values computed by hand. */
class OptimizerTest {

    private static final double LR = 0.01;

    /** Hand-written reference LAMB (no bias correction, trust clamp 10) on doubles. */
    private static void lamb(double[] w, double[] g, double[] m, double[] v) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-6;
        double[] u = new double[w.length];
        double wn = 0;
        double un = 0;
        for (int i = 0; i < w.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            u[i] = m[i] / (Math.sqrt(v[i]) + eps);
            wn += w[i] * w[i];
            un += u[i] * u[i];
        }
        wn = Math.min(Math.sqrt(wn), 10);
        un = Math.sqrt(un);
        double r = wn == 0 || un == 0 ? 1 : wn / un;
        for (int i = 0; i < w.length; i++) {
            w[i] -= LR * r * u[i];
        }
    }

    private static float[] runOptimizer(float[] start, float[] coefficients, int steps) {
        NptConfig config = Fixtures.tiny().set(LEARNING_RATE, LR).set(LOOKAHEAD_STEPS, 2).set(LOOKAHEAD_ALPHA, 0.5).set(GRADIENT_CLIP_VALUE, 1.0).build();
        Engine engine = Engines.pytorch();
        try (GradMode off = GradMode.disabled(); NDManager m = engine.newBaseManager()) {
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                    .optArray(m.create(start)).build();
            p.getArray().setRequiresGradient(true);
            NDArray c = m.create(coefficients);
            try (NptOptimizer optimizer = new NptOptimizer(List.of(p), config, m)) {
                for (int s = 0; s < steps; s++) {
                    try (NDManager scope = m.newSubManager()) {
                        scope.tempAttachAll(p.getArray(), c);
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            collector.backward(p.getArray().mul(c).sum());
                        }
                    }
                    optimizer.step(LR);
                }
            }
            return p.getArray().toFloatArray();
        }
    }

    @Test
    void oneLambStepWithClippedGradientsMatchesTheFormula() {
        float[] start = {0.5f, -1.0f, 2.0f};
        float[] grad = {0.3f, -2.0f, 0.05f};
        double[] w = {0.5, -1.0, 2.0};
        lamb(w, new double[] {0.3, -1.0, 0.05}, new double[3], new double[3]);
        float[] actual = runOptimizer(start, grad, 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(w[i], actual[i], 1e-6, "element " + i);
        }
    }

    @Test
    void theAllocationFreeFormForLargeParametersMatchesTheFormula() {
        int n = (int) Tensors.LARGE;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[] w = new double[n];
        double[] g = new double[n];
        double[] mom = new double[n];
        double[] var = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rng.nextGaussian();
            g[i] = rng.nextGaussian() * 0.1;
            mom[i] = rng.nextGaussian() * 0.01;
            var[i] = rng.nextDouble() * 1e-3;
        }
        try (GradMode off = GradMode.disabled(); NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray weight = m.create(toFloats(w));
            NDArray moment = m.create(toFloats(mom));
            NDArray variance = m.create(toFloats(var));
            new Lamb(0.9, 0.999, 1e-6, 0, 10).update(weight, m.create(toFloats(g)), moment, variance, LR);
            lamb(w, g, mom, var);
            float[] actual = weight.toFloatArray();
            float[] actualMoment = moment.toFloatArray();
            float[] actualVariance = variance.toFloatArray();
            for (int i = 0; i < n; i += 997) {
                assertEquals(w[i], actual[i], 1e-5, "weight " + i);
                assertEquals(mom[i], actualMoment[i], 1e-6, "first moment " + i);
                assertEquals(var[i], actualVariance[i], 1e-7, "second moment " + i);
            }
        }
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Test
    void lookaheadSyncsEveryKStepsAndTheFirstSyncChangesNothing() {
        float[] start = {0.5f, -1.0f, 2.0f};
        float[] grad = {0.3f, -2.0f, 0.05f};
        double[] g = {0.3, -1.0, 0.05};
        double[] fast = {0.5, -1.0, 2.0};
        double[] m = new double[3];
        double[] v = new double[3];
        double[] slow = null;
        for (int step = 1; step <= 4; step++) {
            lamb(fast, g, m, v);
            if (step % 2 == 0) {
                if (slow == null) {
                    slow = fast.clone();
                } else {
                    for (int i = 0; i < 3; i++) {
                        slow[i] += 0.5 * (fast[i] - slow[i]);
                        fast[i] = slow[i];
                    }
                }
            }
        }
        float[] actual = runOptimizer(start, grad, 4);
        for (int i = 0; i < 3; i++) {
            assertEquals(fast[i], actual[i], 1e-6, "element " + i);
        }
        // Without the step-4 interpolation the weights would be elsewhere: the sync did something.
        double[] plain = {0.5, -1.0, 2.0};
        double[] m2 = new double[3];
        double[] v2 = new double[3];
        for (int step = 1; step <= 4; step++) {
            lamb(plain, g, m2, v2);
        }
        assertTrue(Math.abs(plain[0] - fast[0]) > 1e-4, "lookahead must differ from plain LAMB");
    }

    @Test
    void trustRatioIsOneForAZeroWeight() {
        float[] actual = runOptimizer(new float[] {0f, 0f}, new float[] {0.5f, -0.25f}, 1);
        double[] w = {0, 0};
        lamb(w, new double[] {0.5, -0.25}, new double[2], new double[2]);
        assertArrayEquals(new float[] {(float) w[0], (float) w[1]}, actual, 1e-6f);
        assertTrue(Math.abs(actual[0]) > 0.01, "a zero weight must still move (ratio 1, not 0)");
    }

    @Test
    void trustRatioClampsTheWeightNormAtTen() {
        float[] start = {30f, 40f};
        double[] w = {30, 40};
        lamb(w, new double[] {0.5, 0.5}, new double[2], new double[2]);
        float[] actual = runOptimizer(start, new float[] {0.5f, 0.5f}, 1);
        assertEquals(w[0], actual[0], 1e-4);
        assertEquals(w[1], actual[1], 1e-4);
    }

    @Test
    void flatThenCosineLearningRate() {
        LearningRateCurve s = new LearningRateCurve(1e-3, LearningRateSchedule.FLAT_AND_ANNEAL, 0.5, 10);
        for (int step = 1; step <= 5; step++) {
            assertEquals(1e-3, s.at(step), 1e-15, "flat step " + step);
        }
        assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI / 5)), s.at(6), 1e-15);
        assertEquals(1e-3 * 0.5 * (1 + Math.cos(Math.PI * 3 / 5)), s.at(8), 1e-15);
        assertEquals(0.0, s.at(10), 1e-15);

        LearningRateCurve large = new LearningRateCurve(1.0, LearningRateSchedule.FLAT_AND_ANNEAL, 0.7, 10);
        assertEquals(1.0, large.at(7), 1e-15);
        assertEquals(0.75, large.at(8), 1e-12);
        assertEquals(0.25, large.at(9), 1e-12);
        assertEquals(0.0, large.at(10), 1e-12);

        LearningRateCurve constant = new LearningRateCurve(0.2, LearningRateSchedule.CONSTANT, 0.5, 10);
        assertEquals(0.2, constant.at(10), 0);
    }

    @Test
    void clippingIsElementWiseOnBothSides() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray small = m.create(new float[] {-3f, -0.5f, 0.25f, 7f, Float.NaN});
            assertArrayEquals(new float[] {-1f, -0.5f, 0.25f, 1f, Float.NaN}, new GradientClipping(1).apply(small).toFloatArray());
            assertArrayEquals(new float[] {-3f, 7f}, new GradientClipping(0).apply(m.create(new float[] {-3f, 7f})).toFloatArray());

            // A large gradient is clipped in place, also when a NaN hides the range from the bound check.
            float[] values = new float[(int) Tensors.LARGE];
            values[0] = -3f;
            values[1] = 7f;
            values[2] = 0.5f;
            values[3] = Float.NaN;
            NDArray large = m.create(values);
            assertSame(large, new GradientClipping(1).apply(large));
            float[] clipped = large.toFloatArray();
            assertArrayEquals(new float[] {-1f, 1f, 0.5f, Float.NaN}, java.util.Arrays.copyOf(clipped, 4));
            NDArray inRange = m.create(new float[(int) Tensors.LARGE]).addi(0.5f);
            assertSame(inRange, new GradientClipping(1).apply(inRange));
            assertEquals(0.5f, inRange.getFloat(12345), 0f);
        }
    }

}
