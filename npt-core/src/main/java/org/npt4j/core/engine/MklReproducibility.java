package org.npt4j.core.engine;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Puts the MKL inside libtorch into conditional-numerical-reproducibility mode {@code AUTO}.
 *
 * <p>Without it, MKL's threaded matrix products schedule work dynamically, so the order in which
 * partial sums are added (and hence the last bits of the result) can change from run to run on a
 * busy machine; over hundreds of training steps those bits grow into different models from the
 * same seed. {@code AUTO} keeps the fastest instruction set but fixes scheduling and reductions.
 * It is what the environment variable {@code MKL_CBWR=AUTO} does; setting it from Java saves every
 * user from having to export it. A user-set {@code MKL_CBWR} is left alone.
 */
final class MklReproducibility {

    private static final Logger LOG = Logger.getLogger(MklReproducibility.class.getName());
    private static final int MKL_CBWR_AUTO = 2;
    private static final int MKL_CBWR_SUCCESS = 0;

    private MklReproducibility() {}

    /** Must run after libtorch is loaded and before its first matrix product. */
    static void enable() {
        if (System.getenv("MKL_CBWR") != null) {
            return;
        }
        try {
            Path lib = Path.of(LibUtils.getLibtorchPath(), "libtorch_cpu.so");
            if (!Files.exists(lib)) {
                LOG.fine(() -> "no " + lib + "; MKL reproducibility mode not set");
                return;
            }
            Function set = NativeLibrary.getInstance(lib.toString()).getFunction("mkl_serv_cbwr_set");
            int status = set.invokeInt(new Object[] {MKL_CBWR_AUTO});
            if (status != MKL_CBWR_SUCCESS) {
                LOG.warning("MKL refused reproducibility mode AUTO (status " + status + "), probably because it "
                        + "was already used in this JVM; CPU results may differ in the last bits between runs. "
                        + "Export MKL_CBWR=AUTO to fix this.");
            }
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // A libtorch without MKL (another platform or a custom build) has nothing to configure.
            LOG.fine(() -> "MKL reproducibility mode not set: " + e);
        }
    }
}
