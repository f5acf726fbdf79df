package org.npt4j.core.optim;

import java.nio.FloatBuffer;

/**
 * Clipping, LAMB and the zeroing of gradients for CPU parameters in two passes over their memory,
 * computed on the host through direct buffers over the tensors' own storage.
 *
 * <p>Why not {@link Lamb}'s tensor operations: on a CPU each of them is a separate pass over every
 * parameter (about forty passes in all, eleven gigabytes per step at the Boston paper size) and a
 * native call per parameter and term (thousands per step at Breast Cancer's 31 columns). Here the
 * first pass reads g, m, v and θ once, writes m, v and the update direction u over g, and sums
 * ‖θ‖² and ‖u‖² per fixed chunk; the second writes θ − lr·r·u and zeroes g. The arithmetic is
 * {@link Lamb}'s, in float32 as PyTorch does it; the norms are summed in double in a fixed order.
 */
final class HostLamb {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final float trustClamp;
    private final float clipValue;

    /**
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator epsilon
     * @param weightDecay decoupled weight decay added to the update direction
     * @param trustClamp upper clamp on ‖θ‖
     * @param clipValue element-wise gradient clip c (0 for none)
     */
    HostLamb(double beta1, double beta2, double epsilon, double weightDecay, double trustClamp, double clipValue) {
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.weightDecay = (float) weightDecay;
        this.trustClamp = (float) trustClamp;
        this.clipValue = (float) clipValue;
    }

    /**
     * Updates every parameter in place and zeroes its gradient.
     *
     * @param chunks the chunking of the parameters' lengths, in the order of the arrays below
     * @param threads host threads to share the work
     * @param weights θ per parameter
     * @param gradients g per parameter; overwritten with zeros
     * @param firstMoments m per parameter
     * @param secondMoments v per parameter
     * @param learningRate lr
     */
    void step(HostChunks chunks, int threads, FloatBuffer[] weights, FloatBuffer[] gradients, FloatBuffer[] firstMoments,
            FloatBuffer[] secondMoments, double learningRate) {
        double[] weightSquares = new double[chunks.chunks()];
        double[] updateSquares = new double[chunks.chunks()];
        chunks.forEach(threads, (a, from, to, c) -> direction(weights[a], gradients[a], firstMoments[a], secondMoments[a], from,
                to, c, weightSquares, updateSquares));
        float[] scale = new float[weights.length];
        for (int a = 0; a < weights.length; a++) {
            double ww = 0;
            double uu = 0;
            for (int c = chunks.firstChunk(a); c < chunks.firstChunk(a + 1); c++) {
                ww += weightSquares[c];
                uu += updateSquares[c];
            }
            float weightNorm = Math.min((float) Math.sqrt(ww), trustClamp);
            float updateNorm = (float) Math.sqrt(uu);
            float ratio = weightNorm > 0 && updateNorm > 0 ? weightNorm / updateNorm : 1f;
            scale[a] = ratio * (float) learningRate;
        }
        chunks.forEach(threads, (a, from, to, c) -> apply(weights[a], gradients[a], scale[a], from, to));
    }

    /** Per-thread copies of one chunk of each array: loops over {@code float[]} are what the JIT turns into vector code. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][HostChunks.CHUNK]);
    private static final float[] ZEROS = new float[HostChunks.CHUNK];

    private void direction(FloatBuffer w, FloatBuffer g, FloatBuffer m, FloatBuffer v, int from, int to, int chunk,
            double[] weightSquares, double[] updateSquares) {
        int n = to - from;
        float[][] scratch = SCRATCH.get();
        float[] gs = scratch[0];
        float[] ms = scratch[1];
        float[] vs = scratch[2];
        float[] ws = scratch[3];
        g.get(from, gs, 0, n);
        m.get(from, ms, 0, n);
        v.get(from, vs, 0, n);
        w.get(from, ws, 0, n);
        // One simple loop per term: each compiles to vector instructions, which one loop doing all of it would not.
        float clip = clipValue;
        if (clip > 0) {
            for (int i = 0; i < n; i++) {
                gs[i] = Math.max(-clip, Math.min(clip, gs[i]));
            }
        }
        float b1 = beta1;
        float c1 = 1 - beta1;
        for (int i = 0; i < n; i++) {
            ms[i] = b1 * ms[i] + c1 * gs[i];
        }
        float b2 = beta2;
        float c2 = 1 - beta2;
        for (int i = 0; i < n; i++) {
            vs[i] = b2 * vs[i] + c2 * (gs[i] * gs[i]);
        }
        float eps = epsilon;
        for (int i = 0; i < n; i++) {
            gs[i] = ms[i] / ((float) Math.sqrt(vs[i]) + eps);
        }
        float wd = weightDecay;
        if (wd != 0) {
            for (int i = 0; i < n; i++) {
                gs[i] += wd * ws[i];
            }
        }
        m.put(from, ms, 0, n);
        v.put(from, vs, 0, n);
        g.put(from, gs, 0, n);
        weightSquares[chunk] = sumOfSquares(ws, n);
        updateSquares[chunk] = sumOfSquares(gs, n);
    }

    /** Four partial sums, so that the additions pipeline; always combined in the same order. */
    private static double sumOfSquares(float[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += (double) x[i] * x[i];
            s1 += (double) x[i + 1] * x[i + 1];
            s2 += (double) x[i + 2] * x[i + 2];
            s3 += (double) x[i + 3] * x[i + 3];
        }
        for (; i < n; i++) {
            s0 += (double) x[i] * x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void apply(FloatBuffer w, FloatBuffer g, float scale, int from, int to) {
        int n = to - from;
        float[][] scratch = SCRATCH.get();
        float[] us = scratch[0];
        float[] ws = scratch[3];
        g.get(from, us, 0, n);
        w.get(from, ws, 0, n);
        for (int i = 0; i < n; i++) {
            ws[i] -= scale * us[i];
        }
        w.put(from, ws, 0, n);
        g.put(from, ZEROS, 0, n);
    }
}
