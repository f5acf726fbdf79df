package org.npt4j.tests.weka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the Weka end-to-end tests find their inputs. The tests module's pom passes each one as a
 * system property; the fallbacks let a test run from an IDE after {@code mvn package}.
 */
final class WekaTestSetup {

    /**
     * The package name declared in Description.props: the install folder under $WEKA_HOME/packages
     * (npt4j, or npt4j-cuda when the build runs with the cuda profile).
     */
    static final String PACKAGE_NAME = System.getProperty("npt4j.weka.packageName", "npt4j");

    /** The PyTorch native jar's artifact the package bundles: the CPU one, or the cuda profile's. */
    static final String NATIVE_ARTIFACT = System.getProperty("npt4j.native.artifact", "pytorch-native-cpu");

    static final String CLASSIFIER = "weka.classifiers.functions.NonParametricTransformer";

    private WekaTestSetup() {}

    /** The package zip built by weka-npt-package (the resolved {@code type zip} dependency). */
    static Path packageZip() {
        String fromPom = System.getProperty("npt4j.weka.zip");
        if (isSet(fromPom)) {
            return Paths.get(fromPom).toAbsolutePath();
        }
        Path target = Paths.get("..", "weka-npt-package", "target").toAbsolutePath().normalize();
        List<Path> zips = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "npt4j-weka-*.zip")) {
                found.forEach(zips::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (zips.size() != 1) {
            throw new IllegalStateException("Expected one npt4j-weka-*.zip in " + target + " but found " + zips
                    + "; build it with: mvn -o -DskipTests package -pl npt-core,weka-npt-package");
        }
        return zips.get(0);
    }

    /**
     * The classpath of a plain Weka installation: weka-stable and its own dependencies, jars only. No
     * npt4j, DJL or PyTorch jar is on it; those must come from the installed package.
     */
    static String wekaClasspath() {
        String fromPom = System.getProperty("npt4j.weka.classpath");
        List<String> jars = new ArrayList<>();
        if (isSet(fromPom)) {
            for (String entry : fromPom.split(File.pathSeparator)) {
                if (entry.endsWith(".jar")) { // the build lists a pom-type dependency of netlib too
                    jars.add(entry);
                }
            }
        } else {
            jars.add(codeSource(weka.core.Version.class).toString());
        }
        return String.join(File.pathSeparator, jars);
    }

    /** The folder or jar a class was loaded from. */
    static Path codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ARFF file from data/weka_example_arff/ (surefire runs in tests/, hence the ..). */
    static Path arff(String name) {
        String fromPom = System.getProperty("npt4j.weka.data");
        Path dir = isSet(fromPom) ? Paths.get(fromPom) : Paths.get("..", "data", "weka_example_arff");
        Path file = dir.resolve(name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing data file " + file);
        }
        return file;
    }

    /** The Maven project version, or null when the test runs outside Maven. */
    static String projectVersion() {
        String version = System.getProperty("npt4j.project.version");
        return isSet(version) ? version : null;
    }

    private static boolean isSet(String value) {
        // An unresolved ${...} means the property was not defined when the pom was read.
        return value != null && !value.isBlank() && !value.startsWith("${");
    }
}
