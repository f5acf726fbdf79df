package org.npt4j.core.engine;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import org.npt4j.core.DeviceSpec;

/**
 * Access to DJL's PyTorch engine with npt4j's rules applied: no network access at run time (the
 * native library comes from the {@code pytorch-native-cpu} jar on the class path), and a clear
 * error when the native library cannot be loaded.
 */
public final class Engines {

    /** The DJL engine npt4j runs on. */
    public static final String PYTORCH = "PyTorch";

    private static volatile boolean configured;
    private static volatile int defaultThreads;
    private static boolean processConfigured;

    private Engines() {}

    /**
     * The engine for a run that asked for a device: as {@link #pytorch()}, and on a CPU run without
     * DJL's GPU-probe warnings ({@link GpuProbeLog}).
     *
     * @param requested the device the run asked for
     * @return the PyTorch engine
     * @throws IllegalStateException naming the cause when the native library cannot be loaded
     */
    public static Engine pytorch(DeviceSpec requested) {
        GpuProbeLog.applyFor(requested);
        return pytorch();
    }

    /**
     * @return the PyTorch engine
     * @throws IllegalStateException naming the cause when the native library cannot be loaded
     */
    public static Engine pytorch() {
        preferOffline();
        if (!configured) {
            // Before the engine loads, so that libtorch's first allocations already follow the mode and
            // libgomp reads the waiting policy when it is loaded with libtorch.
            configureBeforeLoading();
        }
        try {
            Engine engine = Engine.getEngine(PYTORCH);
            if (!configured) {
                configureReproducibility();
            }
            return engine;
        } catch (EngineException | IllegalArgumentException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("The PyTorch engine of DJL could not be loaded (" + e.getMessage()
                    + "). npt4j needs ai.djl.pytorch:pytorch-engine with pytorch-jni and pytorch-native-cpu "
                    + "(or pytorch-native-cu124 in the cuda build; classifier linux-x86_64) on the class path; see README.md.", e);
        }
    }

    private static synchronized void configureBeforeLoading() {
        if (!processConfigured) {
            CudaNativesOnCpu.prepare();
            NativeHeap.configure();
            ThreadWaiting.configure();
            processConfigured = true;
        }
    }

    /**
     * Makes CPU results reproducible run to run: MKL's reproducibility mode, then the intra-op
     * thread count re-applied, because PyTorch's {@code set_num_threads} also switches MKL's
     * dynamic threading off (DJL never calls it unless asked), and MKL would otherwise run a matrix
     * product on fewer threads when the machine is busy, which changes rounding.
     */
    private static synchronized void configureReproducibility() {
        if (!configured) {
            MklReproducibility.enable();
            int threads = JniUtils.getNumThreads();
            JniUtils.setNumThreads(threads);
            defaultThreads = threads;
            configured = true;
        }
    }

    /**
     * PyTorch's intra-op thread count as it stood when npt4j loaded the engine: one per core, unless
     * {@code OMP_NUM_THREADS} or DJL's {@code ai.djl.pytorch.num_threads} said otherwise. Kept because
     * a thread's own count can no longer be trusted to be the default once any thread has changed
     * its count: PyTorch hands the last count set to every thread that has not run PyTorch work yet.
     *
     * @return the default intra-op thread count, the {@code threads} setting's 0
     */
    public static int defaultIntraOpThreads() {
        pytorch();
        return defaultThreads;
    }

    /**
     * DJL downloads native libraries and calls home unless told not to. Unless the user decided
     * otherwise (the DJL_OFFLINE variable or the ai.djl.offline property), npt4j runs offline.
     */
    private static void preferOffline() {
        if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    /**
     * @return the native arrays alive in this JVM: every manager hangs below the engine's system
     *     manager; for leak checks in tests and benchmarks
     */
    public static int liveArrays() {
        try (NDManager probe = pytorch().newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    /** @return e.g. {@code "DJL 0.36.0, PyTorch 2.7.1"}; for provenance and summaries */
    public static String versions() {
        return "DJL " + Engine.getDjlVersion() + ", PyTorch " + pytorch().getVersion();
    }
}
