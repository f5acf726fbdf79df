package org.npt4j.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.npt4j.core.engine.Engines;

/**
 * The machine's own float32 matrix-multiply throughput through the same engine and thread
 * settings as training: the median of repeated n×n products. NPT's achieved FLOP/s are reported
 * as a fraction of this.
 */
final class MatmulPeak {

    private MatmulPeak() {}

    /** @return GFLOP/s of a square float32 matMul of side n */
    static double gflops(int n, int repeats) {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            for (int i = 0; i < 3; i++) {
                a.matMul(b).close();
            }
            double[] seconds = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.toFloatArray(); // forces completion on asynchronous devices
                }
                seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(seconds);
            return 2.0 * n * n * n / seconds[repeats / 2] / 1e9;
        }
    }
}
