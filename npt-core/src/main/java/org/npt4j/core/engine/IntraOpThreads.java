package org.npt4j.core.engine;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs a training's or prediction's native work on the intra-op thread count its {@code threads}
 * setting asks for, and restores the calling thread's count afterwards.
 *
 * <p>{@code threads} = N &ge; 1 runs on exactly N threads. {@code threads} = 0 runs on PyTorch's
 * default count ({@link Engines#defaultIntraOpThreads()}), except for a model so small that
 * PyTorch's parallel regions cost more than they save, which runs on one. Why one: on a table like
 * iris (150 rows, 5 columns, e = 8) no array holds more than a few thousand elements, yet kernels
 * that split rows finely (LayerNorm, softmax, small matrix products) still open an OpenMP parallel
 * region, thousands per step. Alone, waking the second thread costs about what it saves; on a
 * machine whose cores are busy with something else, each region waits for a scheduler slice, and
 * the training ran 2.5–4× slower instead of the fair 1.5–2×. One thread removes the waits. Above
 * {@value #DEFAULT_ELEMENTS} elements per layer (the Breast Cancer CPU preset has 141,000) two
 * threads are faster. The bound is the system property {@value #PROPERTY} (elements of the largest
 * per-layer activation; 0 never narrows).
 *
 * <p>The count is set for the calling thread: OpenMP and MKL keep it per thread, so work already
 * running on other threads keeps its own count. PyTorch also remembers the last count any thread
 * set and gives it to threads that have not yet run PyTorch work; a thread's count is therefore set
 * here even when 0 asks for the default, never read from the thread, and restoring the calling
 * thread's count puts PyTorch's remembered count back as well.
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
     * @param requested the {@code threads} setting: exactly that many threads, or 0 for PyTorch's
     *     default (one thread for a small model)
     * @param layerElements elements of the model's widest per-layer activation: rows × columns × e
     * @param work the native work
     * @param <T> its result
     * @return the work's result, computed on the chosen number of intra-op threads
     */
    public static <T> T forModel(int requested, long layerElements, Supplier<T> work) {
        int wanted = threadsFor(requested, layerElements);
        int before = JniUtils.getNumThreads();
        if (before == wanted) {
            return work.get();
        }
        JniUtils.setNumThreads(wanted);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /**
     * @param requested the {@code threads} setting
     * @param layerElements elements of the model's widest per-layer activation
     * @return the intra-op thread count the work runs on
     */
    static int threadsFor(int requested, long layerElements) {
        if (requested < 0) {
            throw new IllegalArgumentException("threads must be 0 (PyTorch's default) or more, got " + requested);
        }
        if (requested > 0) {
            return requested;
        }
        return layerElements <= bound() ? 1 : Engines.defaultIntraOpThreads();
    }

    /** @return the bound in elements */
    static long bound() {
        return WholeNumberProperty.read(PROPERTY, DEFAULT_ELEMENTS, "elements", "to run every model on PyTorch's default count");
    }
}
