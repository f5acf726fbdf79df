package org.npt4j.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.npt4j.core.engine.Engines;

/** The CPU dropout mask: its rate, scale, gradient, and determinism under a seed and any thread count. */
class HostDrawnDropoutTest {

    private static final float SCALE_FOR_0_1 = 65536f / (65536 - 6554);

    @Test
    void dropsAtTheRateAndKeepsTheExpectation() {
        int n = 1 << 20;
        try (NDManager m = seededManager(11)) {
            float[] y = HostDrawnDropout.apply(m.ones(new Shape(1024, 1024)), 0.1).toFloatArray();
            int dropped = 0;
            for (float v : y) {
                if (v == 0f) {
                    dropped++;
                } else {
                    assertEquals(SCALE_FOR_0_1, v, 0f, "a kept value is scaled by 65536/(65536-k)");
                }
            }
            // 5 standard deviations of a binomial(2^20, 0.1) fraction is 0.0015.
            assertEquals(0.1, dropped / (double) n, 0.0015);
        }
    }

    @Test
    void sameEngineSeedSameMaskAndSuccessiveMasksDiffer() {
        Engine engine = Engines.pytorch();
        try (NDManager m = engine.newBaseManager()) {
            NDArray x = m.ones(new Shape(300, 301));
            engine.setRandomSeed(5);
            float[] first = HostDrawnDropout.apply(x, 0.25).toFloatArray();
            float[] second = HostDrawnDropout.apply(x, 0.25).toFloatArray();
            engine.setRandomSeed(5);
            float[] again = HostDrawnDropout.apply(x, 0.25).toFloatArray();
            assertTrue(Arrays.equals(first, again));
            assertFalse(Arrays.equals(first, second));
        }
    }

    @Test
    void gradientIsTheScaledMask() {
        try (NDManager m = seededManager(3)) {
            NDArray x = m.randomNormal(new Shape(200, 257));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                y = HostDrawnDropout.apply(x, 0.1);
                gc.backward(y.sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            float[] out = y.toFloatArray();
            float[] in = x.toFloatArray();
            for (int i = 0; i < grad.length; i++) {
                assertTrue(grad[i] == 0f || grad[i] == SCALE_FOR_0_1, "gradient " + grad[i] + " at " + i);
                assertEquals(grad[i] * in[i], out[i], 1e-6f, "output = input x gradient at " + i);
            }
        }
    }

    @Test
    void maskDoesNotDependOnTheNumberOfThreads() throws Exception {
        // Several chunks and a length that is not a multiple of 4.
        int n = 3 * (1 << 18) + 3;
        byte[] single = bytes(new ForkJoinPool(1).submit(() -> HostDrawnDropout.draw(n, 6554, 99L)).get(), n);
        byte[] four = bytes(new ForkJoinPool(4).submit(() -> HostDrawnDropout.draw(n, 6554, 99L)).get(), n);
        assertTrue(Arrays.equals(single, four));
        int kept = 0;
        for (byte b : single) {
            assertTrue(b == 0 || b == 1);
            kept += b;
        }
        assertEquals(0.9, kept / (double) n, 0.003);
        byte[] other = bytes(HostDrawnDropout.draw(n, 6554, 100L), n);
        assertFalse(Arrays.equals(single, other));
    }

    @Test
    void smallArraysAreDrawnHereTooAndRepeatWithTheSeed() {
        float[] first;
        float[] again;
        try (NDManager m = seededManager(1)) {
            first = HostDrawnDropout.apply(m.ones(new Shape(600)), 0.5).toFloatArray();
        }
        try (NDManager m = seededManager(1)) {
            again = HostDrawnDropout.apply(m.ones(new Shape(600)), 0.5).toFloatArray();
        }
        int kept = 0;
        for (float v : first) {
            assertTrue(v == 0f || v == 2f, "inverted dropout keeps 1/(1-p) = 2, got " + v);
            kept += v == 2f ? 1 : 0;
        }
        assertTrue(kept > 240 && kept < 360, kept + " of 600 kept at p = 0.5");
        assertArrayEquals(first, again);
    }

    /** Seeds PyTorch's generator, which draws the mask, and opens a manager on it. */
    private static NDManager seededManager(int seed) {
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(seed);
        return engine.newBaseManager();
    }

    private static byte[] bytes(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.duplicate().get(out);
        return out;
    }
}
