package org.npt4j.tests.weka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout and metadata of the Weka package zip, read directly (no Weka, no child JVM). */
class WekaPackageZipTest {

    private static Path zip;
    private static List<String> entries;

    @BeforeAll
    static void readZip() throws IOException {
        zip = WekaTestSetup.packageZip();
        entries = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Collections.list(file.entries()).forEach(e -> entries.add(e.getName()));
        }
    }

    @Test
    void hasWekasLayoutWithoutWrapperFolder() {
        assertTrue(entries.contains("Description.props"), () -> "no Description.props at the root: " + entries);
        assertTrue(entries.contains("LICENSE"), () -> "no LICENSE at the root: " + entries);
        for (String name : entries) {
            boolean rootFile = !name.contains("/")
                    && (name.equals("Description.props") || name.equals("LICENSE") || name.endsWith(".jar"));
            boolean libEntry = name.equals("lib/") || (name.startsWith("lib/") && name.endsWith(".jar")
                    && name.indexOf('/') == name.lastIndexOf('/'));
            assertTrue(rootFile || libEntry, () -> "unexpected entry " + name + " in " + entries);
        }
    }

    @Test
    void rootJarHoldsTheClassifier() throws IOException {
        List<String> rootJars = entries.stream().filter(n -> !n.contains("/") && n.endsWith(".jar")).toList();
        assertEquals(1, rootJars.size(), () -> "expected exactly one top-level jar: " + rootJars);
        String jar = rootJars.get(0);
        assertTrue(jar.startsWith("weka-npt-package-"), jar);
        String classEntry = WekaTestSetup.CLASSIFIER.replace('.', '/') + ".class";
        boolean found = false;
        try (ZipFile file = new ZipFile(zip.toFile());
                JarInputStream inner = new JarInputStream(file.getInputStream(file.getEntry(jar)))) {
            for (ZipEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
                found |= e.getName().equals(classEntry);
            }
        }
        assertTrue(found, () -> jar + " does not contain " + classEntry);
    }

    @Test
    void libHoldsTheRuntimeDependenciesButNotWeka() {
        List<String> lib = entries.stream().filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
                .map(n -> n.substring("lib/".length())).toList();
        String[] expected = {
            "npt-core-", "api-", "pytorch-engine-", "pytorch-jni-", WekaTestSetup.NATIVE_ARTIFACT + "-", "gson-", "jna-",
            "commons-compress-", "commons-codec-", "commons-io-", "commons-csv-", "slf4j-api-", "slf4j-jdk14-",
            "error_prone_annotations-",
        };
        for (String prefix : expected) {
            assertEquals(1, lib.stream().filter(n -> n.startsWith(prefix)).count(),
                    () -> "expected one lib/" + prefix + "*.jar in " + lib);
        }
        assertTrue(lib.stream().anyMatch(n -> n.startsWith(WekaTestSetup.NATIVE_ARTIFACT + "-") && n.endsWith("-linux-x86_64.jar")),
                () -> "no linux-x86_64 PyTorch native jar in " + lib);
        assertEquals(expected.length, lib.size(), () -> "unexpected jars in lib/: " + lib);
        for (String name : lib) {
            assertFalse(name.startsWith("weka"), () -> "Weka itself must not be bundled: " + name);
            assertFalse(name.endsWith("-tests.jar") || name.contains("junit"), () -> "test jar bundled: " + name);
        }
    }

    @Test
    void descriptionPropsIsValidForWeka() throws IOException {
        Properties props = new Properties();
        try (ZipFile file = new ZipFile(zip.toFile());
                InputStream in = file.getInputStream(file.getEntry("Description.props"))) {
            props.load(in);
        }
        for (String required : new String[] {
                "PackageName", "Version", "Title", "Author", "Maintainer", "License", "Description"}) {
            String value = props.getProperty(required);
            assertNotNull(value, "missing " + required);
            assertFalse(value.isBlank() || value.contains("${"), () -> required + " is not filled in: " + value);
        }
        assertEquals(WekaTestSetup.PACKAGE_NAME, props.getProperty("PackageName"));
        // The CPU and GPU packages hold the same classes: each precludes the other, and Weka then loads neither
        // beside the other, saying why.
        assertEquals(WekaTestSetup.PACKAGE_NAME.equals("npt4j") ? "npt4j-cuda" : "npt4j", props.getProperty("Precludes"));
        String message = props.getProperty("MessageToDisplayOnInstallation", "");
        assertTrue(message.contains(WekaTestSetup.PACKAGE_NAME.equals("npt4j") ? "npt4j-cuda" : "driver"), message);
        assertFalse(message.contains("${"), message);
        String version = props.getProperty("Version");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), () -> "Weka needs three integers: " + version);
        String projectVersion = WekaTestSetup.projectVersion();
        if (projectVersion != null) {
            assertEquals(projectVersion.replaceFirst("-SNAPSHOT$", ""), version,
                    "npt4j.weka.packageVersion in weka-npt-package/pom.xml is out of step with the project version");
        }
        assertEquals("weka (>=3.8.6)", props.getProperty("Depends"), "the Weka version the package is built and tested with");
        assertEquals("Linux", props.getProperty("OSName"));
        assertTrue(props.getProperty("Date", "").matches("\\d{4}-\\d{2}-\\d{2}"), props.getProperty("Date"));
    }

    @Test
    void metadataPromisesNothingUntrue() throws IOException {
        Properties props = new Properties();
        try (ZipFile file = new ZipFile(zip.toFile());
                InputStream in = file.getInputStream(file.getEntry("Description.props"))) {
            props.load(in);
        }
        // The project has no public home yet: no download URL, web site or e-mail address that leads nowhere.
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            assertFalse(value.contains("npt4j.org") || value.contains("github.com/npt4j") || value.contains("localhost"),
                    () -> key + " points at a placeholder: " + value);
        }
        assertFalse(props.containsKey("PackageURL"), "PackageURL names no real download");
        assertEquals("Apache-2.0", props.getProperty("License"));
        // Java 17 is required: Weka declines to load the package when this class (new in Java 17) is absent.
        String guard = props.getProperty("DoNotLoadIfClassNotPresent");
        assertEquals("java.util.HexFormat", guard, "no guard against a Java older than 17");
        assertDoesNotThrow(() -> Class.forName(guard), "on Java 17 the guard must let the package load");
        assertTrue(props.getProperty("DoNotLoadIfClassNotPresentMessage", "").contains("Java 17"));
        String version = props.getProperty("Version");
        List<String> ownJars = entries.stream().filter(n -> n.matches("(lib/)?(weka-npt-package|npt-core)-.*\\.jar")).toList();
        assertEquals(2, ownJars.size(), () -> "npt4j's own jars: " + ownJars);
        for (String jar : ownJars) {
            assertTrue(jar.endsWith("-" + version + ".jar"), () -> jar + " does not carry the package's Version " + version);
        }
    }
}
