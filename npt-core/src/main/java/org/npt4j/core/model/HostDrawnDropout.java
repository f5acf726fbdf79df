package org.npt4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Inverted dropout whose keep-mask is drawn in Java when the array lives on the CPU.
 *
 * <p>Why: PyTorch's CPU {@code bernoulli_} uses its vectorised MKL path only on Intel processors;
 * elsewhere (AMD, ARM) it draws one Mersenne-Twister number per element on a single thread, about
 * 10 ns per element. At the paper's shapes a training step draws 50–200 million mask elements,
 * which made mask drawing about a tenth of a step. Drawing 16-bit uniforms four to a
 * {@link SplittableRandom#nextLong()}, in parallel over fixed chunks, is three times faster
 * including the upload, on any processor.
 *
 * <p>Determinism: each mask's seed is drawn from the engine's generator (seeded by the training
 * run), and each chunk of {@value #CHUNK} elements has its own generator split from it in order,
 * so the same seed gives the same masks whatever the number of threads.
 *
 * <p>The drop probability is applied at 16-bit resolution: a rate p drops with probability
 * k/65536 for k = round(65536·p) (for p = 0.1, 0.100006), and kept values are scaled by
 * 65536/(65536 − k), so that the expectation of the output is exactly the input. GPU arrays and
 * rates that round to 0 or 1 use PyTorch's own dropout.
 *
 * <p>Small arrays are drawn here too: PyTorch's {@code bernoulli_} cost about 0.14 ms a call even
 * on iris's 6,000-element arrays, 1.9 ms a step for its 14 dropouts ({@code OpProfile iris-cpu});
 * drawing here, with its four extra native calls, made the step 1.6 ms (7 %) faster in
 * {@code StepBenchmark iris-cpu}.
 */
final class HostDrawnDropout {

    private static final int RESOLUTION = 1 << 16;
    /** Elements per independently seeded chunk: large enough to amortise a task, small enough to share. */
    private static final int CHUNK = 1 << 18;

    /** One scratch buffer per training thread, grown to the largest mask seen, reused every step. */
    private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    private HostDrawnDropout() {}

    /**
     * @param x the input (training mode)
     * @param rate the drop probability, in (0, 1)
     * @return x with dropout applied, recorded for autograd like any product
     */
    static NDArray apply(NDArray x, double rate) {
        int threshold = (int) Math.round(rate * RESOLUTION);
        long size = x.size();
        if (x.getDevice().isGpu() || size == 0 || size > Integer.MAX_VALUE
                || threshold <= 0 || threshold >= RESOLUTION) {
            return ai.djl.nn.norm.Dropout.dropout(x, (float) rate, true).head();
        }
        int n = (int) size;
        NDManager manager = x.getManager();
        ByteBuffer keep = draw(n, threshold, seed(manager));
        NDArray scale;
        try (NDArray bits = manager.create(keep, x.getShape(), DataType.UINT8)) {
            scale = bits.toType(x.getDataType(), false).muli((float) RESOLUTION / (RESOLUTION - threshold));
        }
        // Autograd keeps its own reference to the mask for the backward pass.
        try (scale) {
            return x.mul(scale);
        }
    }

    /** A seed from the engine's generator, so that the run's seed fixes every mask. */
    private static long seed(NDManager manager) {
        try (NDArray s = manager.randomInteger(0, Long.MAX_VALUE, new Shape(1), DataType.INT64)) {
            return s.getLong();
        }
    }

    /**
     * @return a buffer holding n bytes, 1 where the element is kept, each dropped with probability
     *     threshold / 65536
     */
    static ByteBuffer draw(int n, int threshold, long seed) {
        ByteBuffer buffer = SCRATCH.get();
        if (buffer.capacity() < n) {
            buffer = ByteBuffer.allocateDirect(n);
            SCRATCH.set(buffer);
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] generators = new SplittableRandom[chunks];
        for (int c = 0; c < chunks; c++) {
            generators[c] = root.split();
        }
        ByteBuffer target = buffer;
        IntStream.range(0, chunks).parallel().forEach(c ->
                fill(target, c * CHUNK, Math.min(n, (c + 1) * CHUNK), threshold, generators[c]));
        return buffer.duplicate().position(0).limit(n);
    }

    private static void fill(ByteBuffer b, int from, int to, int threshold, SplittableRandom rng) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            long r = rng.nextLong();
            b.put(i, keep(r, threshold));
            b.put(i + 1, keep(r >>> 16, threshold));
            b.put(i + 2, keep(r >>> 32, threshold));
            b.put(i + 3, keep(r >>> 48, threshold));
        }
        for (; i < to; i++) {
            b.put(i, keep(rng.nextLong(), threshold));
        }
    }

    private static byte keep(long bits, int threshold) {
        return (byte) ((bits & 0xFFFF) >= threshold ? 1 : 0);
    }
}
