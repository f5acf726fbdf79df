package org.npt4j.core.engine;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs a model's native work on one intra-op thread when the model is so small that PyTorch's
 * parallel regions cost more than they save.
 *
 * <p>Why: on a table like iris (150 rows, 5 columns, e = 8) no array holds more than a few thousand
 * elements, yet kernels that split rows finely (LayerNorm, softmax, small matrix products) still
 * open an OpenMP parallel region, thousands per step. Alone, waking the second thread costs about
 * what it saves; on a machine whose cores are busy with something else, each region waits for a
 * scheduler slice, and the training ran 2.5–4× slower instead of the fair 1.5–2×. One thread
 * removes the waits. Above {@value #DEFAULT_ELEMENTS} elements per layer (the Breast Cancer CPU
 * preset has 141,000) two threads are faster, and the thread count is left alone.
 *
 * <p>PyTorch's thread count is set for the calling thread (OpenMP and MKL keep it per thread) and
 * restored afterwards, so other threads' work is not affected. The bound is the system property
 * {@value #PROPERTY} (elements of the largest per-layer activation; 0 never narrows).
 */
public final class IntraOpThreads {

    /** System property: at or below this many elements per layer, a model runs on one intra-op thread. */
    public static final String PROPERTY = "npt4j.singleThreadElements";

    /**
     * Per-layer activation elements up to which one thread is used: PyTorch's own grain size, below
     * which its element-wise kernels already run on one thread. Iris (6,000) runs as fast alone on one
     * thread as on two; a 512-row table of 10 columns at e = 16 (82,000) is 1.5× slower on one, and
     * 256 rows (41,000) were as often slower as faster (see {@code benchmarks/RESULTS.md}).
     */
    static final long DEFAULT_ELEMENTS = 1L << 15;

    private IntraOpThreads() {}

    /**
     * @param layerElements elements of the model's widest per-layer activation: rows × columns × e
     * @param work the native work
     * @param <T> its result
     * @return the work's result, computed on one intra-op thread when the model is small
     */
    public static <T> T forModel(long layerElements, Supplier<T> work) {
        if (layerElements > bound()) {
            return work.get();
        }
        int before = JniUtils.getNumThreads();
        if (before == 1) {
            return work.get();
        }
        JniUtils.setNumThreads(1);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /** @return the bound in elements */
    static long bound() {
        return WholeNumberProperty.read(PROPERTY, DEFAULT_ELEMENTS, "elements", "to keep PyTorch's thread count");
    }
}
