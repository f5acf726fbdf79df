package org.npt4j.tests.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Weka package as a user meets it: installed with Weka's own package manager into a fresh
 * WEKA_HOME, then used from a plain Weka classpath (weka-stable and its dependencies only; npt4j,
 * DJL and PyTorch come from the installed package) in separate JVMs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WekaPackageEndToEndTest {

    /** Training settings small enough for seconds per run (option names of the classifier). */
    private static final List<String> TINY_NPT =
            List.of("-steps", "5", "-embedding-dim", "8", "-depth", "2", "-heads", "2", "-S", "1");

    /** One held-out evaluation: a single build on 66% of the rows, statistics on the rest only. */
    private static final List<String> SPLIT_EVALUATION = List.of("-split-percentage", "66", "-o", "-v");

    @TempDir static Path work;

    private static Path wekaHome;
    private static ChildJvm.Result install;

    /** Installs the zip once per class (the first test to need it pays for it). */
    private static synchronized Path installedWekaHome() throws IOException, InterruptedException {
        if (install == null) {
            wekaHome = Files.createDirectories(work.resolve("wekahome"));
            install = ChildJvm.run(wekaHome, work, WekaTestSetup.wekaClasspath(), "weka.core.WekaPackageManager",
                    "-offline", "-install-package", WekaTestSetup.packageZip().toString());
        }
        assertEquals(0, install.exitCode(), install::describe);
        return wekaHome;
    }

    @Test
    @Order(1)
    void packageManagerInstallsTheZipOffline() throws Exception {
        Path home = installedWekaHome();
        Path dir = home.resolve("packages").resolve(WekaTestSetup.PACKAGE_NAME);
        assertTrue(Files.isRegularFile(dir.resolve("Description.props")), install::describe);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().matches("weka-npt-package-.*\\.jar")),
                    () -> "no package jar in " + dir + "\n" + install.describe());
        }
        Path lib = dir.resolve("lib");
        assertTrue(Files.isDirectory(lib), install::describe);
        try (Stream<Path> files = Files.list(lib)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(WekaTestSetup.NATIVE_ARTIFACT + "-")),
                    () -> "no PyTorch native jar in " + lib);
        }
        assertWekaOnlyClasspath();
    }

    @Test
    @Order(2)
    void commandLineRunClassifiesNominalDataWithMissingValues() throws Exception {
        // breast-cancer: nominal attributes, a binary class, and missing values in two attributes.
        assertSplitEvaluated("breast-cancer.arff", "Correctly Classified Instances");
    }

    @Test
    @Order(3)
    void commandLineRunRegresses() throws Exception {
        assertSplitEvaluated("cpu.arff", "Correlation coefficient");
    }

    @Test
    @Order(4)
    void explorerClassTreeListsTheClassifier() throws Exception {
        Path home = installedWekaHome();
        String classpath = WekaTestSetup.wekaClasspath() + File.pathSeparator
                + WekaTestSetup.codeSource(ExplorerClassTreeProbe.class);
        ChildJvm.Result run = ChildJvm.run(home, work, classpath, ExplorerClassTreeProbe.class.getName(),
                WekaTestSetup.CLASSIFIER);
        assertEquals(0, run.exitCode(), run::describe);
        List<String> lines = run.output().lines().toList();
        // Sanity: the tree is Weka's own, so a built-in classifier is in it too.
        assertTrue(lines.contains("TREE weka.classifiers.functions.Logistic"), run::describe);
        assertTrue(lines.contains("TREE " + WekaTestSetup.CLASSIFIER), run::describe);
        Path packageDir = home.resolve("packages").resolve(WekaTestSetup.PACKAGE_NAME).toRealPath();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LOADED " + WekaTestSetup.CLASSIFIER + " FROM ")
                        && l.contains(packageDir.toUri().getPath())),
                () -> "the classifier was not loaded from " + packageDir + "\n" + run.describe());
    }

    /** Runs the classifier on {@code arff} with weka.Run and checks that the held-out statistics include {@code statistic}. */
    private static void assertSplitEvaluated(String arff, String statistic) throws Exception {
        ChildJvm.Result run = runClassifier(arff);
        assertEquals(0, run.exitCode(), run::describe);
        // weka.Run prints an evaluation error and still exits 0, so the statistics are the real check.
        assertTrue(run.output().contains("=== Error on test split ==="), run::describe);
        assertTrue(run.output().contains(statistic), run::describe);
        // A CPU run keeps DJL's GPU probe quiet (on machines with a CUDA runtime but no driver it warned twice).
        assertFalse(run.output().contains("Failed to detect GPU count"), run::describe);
        // Training progress shows on the command line; DJL's INFO lines from starting its engine do not.
        assertTrue(run.output().contains("NonParametricTransformer: step 5/5"), run::describe);
        for (String startup : new String[] {"PyTorch graph executor optimizer", "inter-op threads", "Found matching platform"}) {
            assertFalse(run.output().contains(startup), run::describe);
        }
    }

    private static ChildJvm.Result runClassifier(String arff) throws Exception {
        Path home = installedWekaHome();
        List<String> args = new java.util.ArrayList<>(List.of(
                "-do-not-prompt-if-multiple-matches", ".NonParametricTransformer",
                "-t", WekaTestSetup.arff(arff).toString()));
        args.addAll(SPLIT_EVALUATION);
        args.addAll(TINY_NPT);
        return ChildJvm.run(home, work, WekaTestSetup.wekaClasspath(), "weka.Run", args.toArray(String[]::new));
    }

    /** The child JVMs must find npt4j and DJL in the package, not on their own classpath. */
    private static void assertWekaOnlyClasspath() {
        String classpath = WekaTestSetup.wekaClasspath();
        assertTrue(classpath.contains("weka-stable"), classpath);
        for (String forbidden : new String[] {"npt-core", "weka-npt-package", "/ai/djl/", "pytorch"}) {
            assertFalse(classpath.contains(forbidden), () -> "Weka classpath holds " + forbidden + ": " + classpath);
        }
    }
}
