package org.npt4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.GRADIENT_CLIP_VALUE;
import static org.npt4j.core.Settings.LOOKAHEAD_ALPHA;
import static org.npt4j.core.Settings.LOOKAHEAD_STEPS;
import static org.npt4j.core.Settings.WEIGHT_DECAY;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.GradMode;

/** The host form of the update ({@link HostLamb}, host Lookahead) against the tensor form. */
class HostUpdateTest {

    /** Sizes that cover a small parameter, one of several chunks and a ragged last chunk. */
    private static final int[] SIZES = {3, 40, HostChunks.CHUNK * 3 + 17};

    private static List<float[]> train(boolean onHost, int steps) {
        return Fixtures.withProperty(NptOptimizer.DEVICE_UPDATE_PROPERTY, Boolean.toString(!onHost), () -> trainHere(onHost, steps));
    }

    private static List<float[]> trainHere(boolean onHost, int steps) {
        NptConfig config = Fixtures.tiny().set(LOOKAHEAD_STEPS, 2).set(LOOKAHEAD_ALPHA, 0.5).set(GRADIENT_CLIP_VALUE, 0.05)
                .set(WEIGHT_DECAY, 0.01).build();
        Engine engine = Engines.pytorch();
        SplittableRandom rng = new SplittableRandom(11);
        try (GradMode off = GradMode.disabled(); NDManager m = engine.newBaseManager()) {
            List<Parameter> parameters = new ArrayList<>();
            List<NDArray> coefficients = new ArrayList<>();
            for (int size : SIZES) {
                Parameter p = Parameter.builder().setName("w" + size).setType(Parameter.Type.WEIGHT)
                        .optArray(m.create(gaussian(rng, size, 1.0))).build();
                p.getArray().setRequiresGradient(true);
                parameters.add(p);
                coefficients.add(m.create(gaussian(rng, size, 0.1)));
            }
            try (NptOptimizer optimizer = new NptOptimizer(parameters, config, m)) {
                assertEquals(onHost, optimizer.updatesOnHost());
                for (int s = 0; s < steps; s++) {
                    try (NDManager scope = m.newSubManager()) {
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            NDArray loss = null;
                            for (int i = 0; i < SIZES.length; i++) {
                                scope.tempAttachAll(parameters.get(i).getArray(), coefficients.get(i));
                                // A square term, so that gradients change from step to step.
                                NDArray w = parameters.get(i).getArray();
                                NDArray term = w.mul(coefficients.get(i)).add(w.square().mul(0.01f)).sum();
                                loss = loss == null ? term : loss.add(term);
                            }
                            collector.backward(loss);
                        }
                    }
                    optimizer.step(0.01);
                }
                List<float[]> out = new ArrayList<>();
                for (Parameter p : parameters) {
                    out.add(p.getArray().toFloatArray());
                    try (NDArray g = p.getArray().getGradient()) {
                        assertEquals(0f, g.abs().max().getFloat(), "the update leaves zeroed gradients");
                    }
                }
                return out;
            }
        }
    }

    @Test
    void theHostUpdateMatchesTheTensorUpdateOverStepsWithLookahead() {
        List<float[]> host = train(true, 5);
        List<float[]> device = train(false, 5);
        for (int p = 0; p < SIZES.length; p++) {
            float[] h = host.get(p);
            float[] d = device.get(p);
            double worst = 0;
            for (int i = 0; i < h.length; i++) {
                worst = Math.max(worst, Math.abs(h[i] - d[i]) / Math.max(1e-3, Math.abs(d[i])));
            }
            assertTrue(worst <= 1e-5, "parameter of " + SIZES[p] + " elements differs by " + worst + " (relative)");
        }
    }

    @Test
    void theHostUpdateIsTheSameToTheLastBitOnOneThreadAndOnTwo() {
        float[][] one = hostStep(1);
        float[][] two = hostStep(2);
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], two[k], "array " + k);
        }
    }

    /** @return weights, first and second moments after one host step of a 5-chunk parameter */
    private static float[][] hostStep(int threads) {
        SplittableRandom rng = new SplittableRandom(5);
        int n = HostChunks.CHUNK * 5 + 3;
        FloatBuffer w = FloatBuffer.wrap(gaussian(rng, n, 1.0));
        FloatBuffer g = FloatBuffer.wrap(gaussian(rng, n, 0.1));
        FloatBuffer m = FloatBuffer.wrap(gaussian(rng, n, 0.01));
        FloatBuffer v = FloatBuffer.wrap(gaussian(rng, n, 0.001));
        for (int i = 0; i < n; i++) {
            v.put(i, Math.abs(v.get(i)));
        }
        HostChunks chunks = new HostChunks(new long[] {n});
        new HostLamb(0.9, 0.999, 1e-6, 0, 10, 1).step(chunks, threads, new FloatBuffer[] {w}, new FloatBuffer[] {g},
                new FloatBuffer[] {m}, new FloatBuffer[] {v}, 0.01);
        return new float[][] {w.array(), m.array(), v.array(), g.array()};
    }

    @Test
    void chunksNeverStraddleTwoArrays() {
        HostChunks chunks = new HostChunks(new long[] {5, HostChunks.CHUNK + 1, 0, 2});
        assertEquals(4, chunks.chunks());
        assertEquals(0, chunks.firstChunk(0));
        assertEquals(1, chunks.firstChunk(1));
        assertEquals(3, chunks.firstChunk(2));
        assertEquals(3, chunks.firstChunk(3));
        assertEquals(4, chunks.firstChunk(4));
        long[] seen = new long[4];
        chunks.forEach(2, (a, from, to, c) -> seen[a] += to - from);
        assertArrayEquals(new long[] {5, HostChunks.CHUNK + 1, 0, 2}, seen);
    }

    @Test
    void anInterruptedCallerStillWaitsForEveryChunk() {
        // Helpers write into native memory the caller frees once it stops; returning early corrupted the native heap.
        HostChunks chunks = new HostChunks(new long[] {HostChunks.CHUNK * 8L});
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            chunks.forEach(2, (a, from, to, c) -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            });
            assertEquals(8, done.get(), "every chunk ran before forEach returned");
        } finally {
            assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
        }
    }

    private static float[] gaussian(SplittableRandom rng, int n, double scale) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (rng.nextGaussian() * scale);
        }
        return f;
    }
}
