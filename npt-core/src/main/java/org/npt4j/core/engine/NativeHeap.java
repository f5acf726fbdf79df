package org.npt4j.core.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * How glibc's malloc treats the native arrays PyTorch frees, chosen with the system property
 * {@value #PROPERTY}.
 *
 * <p>Why: by default glibc serves every allocation above 32 MB (and, through its per-thread
 * arenas, many smaller ones) with a fresh {@code mmap} and unmaps it on free. A training step
 * allocates and frees the same activations every step, so each step pays a page fault and a
 * zero-fill for every page of every large activation again: on a 2-core VM about 7 µs per 4 kB
 * page, which made an element-wise op on a 51 MB array cost 84 ms instead of 1.5 ms. Mode
 * {@code reuse} turns {@code mmap} off for malloc and stops trimming the heap on free, so that
 * freed activations are reused without faults; {@link #release()} gives free memory back to the
 * operating system when a training run ends and when a model releases its weights. It is opt-in:
 * at Breast Cancer's paper settings it made steps about 11 % faster over 300 steps, but the
 * unmapped heap fragments, and peak RSS rose from 3.2 to 3.5 GB (see benchmarks/RESULTS.md).
 *
 * <ul>
 *   <li>{@code reuse}: as above, on Linux with glibc, unless the environment already
 *       tunes malloc ({@code GLIBC_TUNABLES} with {@code glibc.malloc.*}, or {@code MALLOC_*_});
 *       elsewhere nothing changes.</li>
 *   <li>{@code system} (default): malloc as the process configured it (glibc's defaults, or the user's
 *       {@code GLIBC_TUNABLES} / {@code MALLOC_*} variables), for applications that tune it
 *       themselves or need freed memory returned at once.</li>
 * </ul>
 *
 * <p>Glibc's per-thread arenas still map allocations above 64 MB afresh (the attention maps of
 * batches of thousands of rows); only {@code GLIBC_TUNABLES=glibc.malloc.arena_max=1:...} at JVM
 * start removes that, see README.md.
 */
public final class NativeHeap {

    /** The system property that selects the mode: {@code system} (default) or {@code reuse}. */
    public static final String PROPERTY = "npt4j.malloc";

    private static final Logger LOG = Logger.getLogger(NativeHeap.class.getName());
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_MAX = -4;
    /** Read by glibc as SIZE_MAX: never trim on free. */
    private static final int NEVER = -1;

    private static volatile boolean reusing;

    private NativeHeap() {}

    /** Applies the mode named by {@value #PROPERTY}; called once when the engine is first used. */
    static synchronized void configure() {
        String mode = System.getProperty(PROPERTY, "system").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "system" -> reusing = false;
            case "reuse" -> reusing = !userTunedMalloc() && mallopt(M_MMAP_MAX, 0) && mallopt(M_TRIM_THRESHOLD, NEVER);
            default -> throw new IllegalStateException("System property " + PROPERTY + "=" + mode
                    + " is not a mode; use 'system' or 'reuse'");
        }
        LOG.fine(() -> "native heap mode " + mode + (reusing ? " (applied)" : ""));
    }

    /** @return whether freed native memory is kept for reuse (mode {@code reuse} took effect) */
    public static boolean reusing() {
        return reusing;
    }

    /**
     * Returns free native memory to the operating system (glibc's {@code malloc_trim}); called when
     * a training run ends and when a model releases its weights. In {@code system} mode too: glibc
     * keeps the freed activations of a step in its arenas for the next one (about 1.2 GB at Breast
     * Cancer's paper settings, where the step's own estimate is 1.6 GB), which is right while
     * training but would otherwise stay resident under the trained model.
     */
    public static void release() {
        if (linux()) {
            try {
                Function trim = NativeLibrary.getInstance("c").getFunction("malloc_trim");
                trim.invokeInt(new Object[] {0});
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                LOG.fine(() -> "malloc_trim unavailable: " + e);
            }
        }
    }

    /** A user who tuned malloc through the environment keeps their settings. */
    private static boolean userTunedMalloc() {
        String tunables = System.getenv("GLIBC_TUNABLES");
        return (tunables != null && tunables.contains("glibc.malloc."))
                || System.getenv().keySet().stream().anyMatch(k -> k.startsWith("MALLOC_") && k.endsWith("_"));
    }

    /** glibc's malloc tuning and trimming exist only on Linux. */
    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static boolean mallopt(int parameter, int value) {
        if (!linux()) {
            return false;
        }
        try {
            Function f = NativeLibrary.getInstance("c").getFunction("mallopt");
            return f.invokeInt(new Object[] {parameter, value}) == 1;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // musl and other C libraries have no mallopt: nothing to tune.
            LOG.fine(() -> "mallopt unavailable: " + e);
            return false;
        }
    }
}
