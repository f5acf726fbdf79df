package org.npt4j.tests.weka;

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
        for (String name : entries) {
            boolean rootFile = !name.contains("/") && (name.equals("Description.props") || name.endsWith(".jar"));
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
            "npt-core-", "api-", "pytorch-engine-", "pytorch-jni-", "pytorch-native-cpu-", "gson-", "jna-",
            "commons-compress-", "commons-codec-", "commons-io-", "commons-csv-", "slf4j-api-", "slf4j-jdk14-",
            "error_prone_annotations-",
        };
        for (String prefix : expected) {
            assertEquals(1, lib.stream().filter(n -> n.startsWith(prefix)).count(),
                    () -> "expected one lib/" + prefix + "*.jar in " + lib);
        }
        assertTrue(lib.stream().anyMatch(n -> n.startsWith("pytorch-native-cpu-") && n.endsWith("-linux-x86_64.jar")),
                () -> "no linux-x86_64 PyTorch CPU native jar in " + lib);
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
                "PackageName", "Version", "Title", "Author", "Maintainer", "License", "Description", "PackageURL"}) {
            String value = props.getProperty(required);
            assertNotNull(value, "missing " + required);
            assertFalse(value.isBlank() || value.contains("${"), () -> required + " is not filled in: " + value);
        }
        assertEquals(WekaTestSetup.PACKAGE_NAME, props.getProperty("PackageName"));
        String version = props.getProperty("Version");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), () -> "Weka needs three integers: " + version);
        String projectVersion = WekaTestSetup.projectVersion();
        if (projectVersion != null) {
            assertEquals(projectVersion.replaceFirst("-SNAPSHOT$", ""), version,
                    "npt4j.weka.packageVersion in weka-npt-package/pom.xml is out of step with the project version");
        }
        assertTrue(props.getProperty("Depends", "").matches("weka\\s*\\(>=\\s*3\\.8\\.\\d+\\)"), props.getProperty("Depends"));
        assertEquals("Linux", props.getProperty("OSName"));
        assertTrue(props.getProperty("Date", "").matches("\\d{4}-\\d{2}-\\d{2}"), props.getProperty("Date"));
    }
}
