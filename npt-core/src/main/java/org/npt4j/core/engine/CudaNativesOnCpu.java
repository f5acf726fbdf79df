package org.npt4j.core.engine;

import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Lets a CUDA build of libtorch on the class path (the {@code cuda} profile's {@code
 * pytorch-native-cu124}) load on a machine without a GPU. DJL matches the native jar to the machine
 * by its flavour, and where it sees no CUDA device a {@code cu124} jar does not match, so DJL would
 * download the CPU build instead, which npt4j never does (it runs offline). The CUDA build runs
 * CPU operators as well, so this class unpacks the jar's libraries (less the one that needs the
 * CUDA driver) into a folder of DJL's cache, and points DJL at them through the override DJL reads before its
 * own search: the {@code PYTORCH_LIBRARY_PATH} property, with {@code PYTORCH_FLAVOR} naming the JNI
 * build to pair with it.
 *
 * <p>It does nothing when the native jar is a CPU build, when a GPU is visible (DJL loads the jar
 * itself then), or when the user chose a libtorch with {@code PYTORCH_LIBRARY_PATH}.
 */
final class CudaNativesOnCpu {

    private static final Logger LOG = Logger.getLogger(CudaNativesOnCpu.class.getName());
    private static final String LIBTORCH = System.mapLibraryName("torch");

    private CudaNativesOnCpu() {}

    /** The native jar's description: {@code native/lib/pytorch.properties}. */
    record NativeJar(String version, String flavor, String classifier, String[] libraries) {

        boolean cuda() {
            return flavor.startsWith("cu");
        }

        /**
         * @return the cache folder's name: not DJL's own name for this build, because the folder lacks
         *     the library that needs the CUDA driver and must not be taken for a whole build on a GPU machine
         */
        String folderName() {
            String base = version.contains("-") ? version.substring(0, version.indexOf('-')) : version;
            return "npt4j-on-cpu-" + base + '-' + flavor + '-' + classifier;
        }
    }

    /** Prepares the override when it is needed; called once, before DJL loads PyTorch. */
    static void prepare() {
        NativeJar jar = find();
        if (jar == null || !jar.cuda() || Utils.getEnvOrSystemProperty("PYTORCH_LIBRARY_PATH") != null
                || CudaUtils.getGpuCount() > 0) {
            return;
        }
        Path dir = Utils.getEngineCacheDir("pytorch").resolve(jar.folderName());
        try {
            unpack(jar, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the CUDA build of libtorch (" + jar.flavor() + ") into " + dir, e);
        }
        System.setProperty("PYTORCH_LIBRARY_PATH", dir.toString());
        if (Utils.getEnvOrSystemProperty("PYTORCH_FLAVOR") == null) {
            System.setProperty("PYTORCH_FLAVOR", jar.flavor());
        }
        LOG.info(() -> "No GPU visible: running the CUDA build of libtorch (" + jar.flavor() + ") on the CPU, from " + dir);
    }

    /** @return the first native jar's description on the class path, or null */
    static NativeJar find() {
        try {
            Enumeration<URL> urls = ClassLoaderUtils.getContextClassLoader().getResources("native/lib/pytorch.properties");
            while (urls.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = urls.nextElement().openStream()) {
                    p.load(in);
                }
                if (p.getProperty("placeholder") != null || p.getProperty("flavor") == null) {
                    continue;
                }
                return new NativeJar(p.getProperty("version"), p.getProperty("flavor"), p.getProperty("classifier", ""),
                        p.getProperty("libraries", "").split(","));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the PyTorch native jar's description", e);
        }
    }

    /** Copies the libraries into a fresh folder beside {@code dir}, then moves it in place, so that no half-copied folder is ever used. */
    private static void unpack(NativeJar jar, Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(LIBTORCH))) {
            return;
        }
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), "unpack");
        try {
            for (String lib : jar.libraries()) {
                // NVRTC's wrapper is the one library linked to the CUDA driver (libcuda.so.1), which a machine
                // without a GPU usually lacks; libtorch opens it only to compile kernels on a GPU.
                if (lib.startsWith("libcaffe2_nvrtc")) {
                    continue;
                }
                try (InputStream in = resource(jar, lib)) {
                    Files.copy(in, tmp.resolve(lib), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another JVM unpacked it first.
                if (!Files.isRegularFile(dir.resolve(LIBTORCH))) {
                    throw e;
                }
            }
        } finally {
            Utils.deleteQuietly(tmp);
        }
    }

    private static InputStream resource(NativeJar jar, String lib) throws IOException {
        // DJL's native jars keep the libraries under pytorch/<flavor>/<classifier>/ (older ones under native/lib/).
        for (String path : new String[] {"pytorch/" + jar.flavor() + '/' + jar.classifier() + '/' + lib, "native/lib/" + lib}) {
            InputStream in = ClassLoaderUtils.getContextClassLoader().getResourceAsStream(path);
            if (in != null) {
                return in;
            }
        }
        throw new IOException("The native jar lists " + lib + " but does not contain it");
    }
}
