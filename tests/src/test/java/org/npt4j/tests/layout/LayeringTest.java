package org.npt4j.tests.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of issue 12, checked on the sources of every module so that they stay true:
 * each package has a {@code package-info.java}, the packages import each other without cycles
 * (the core reads top-down), and npt-core knows nothing of Tribuo, Weka or the experiments.
 * Imports and fully qualified names in code both count as dependencies.
 */
class LayeringTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** An import, or a qualified reference to a class (a lower-case package path, then a capital). */
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:org\\.npt4j|weka\\.classifiers\\.functions)(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    /** Package name to the packages of this project it refers to. */
    private static final Map<String, Set<String>> GRAPH = new TreeMap<>();
    /** Package name to whether it has a package-info.java. */
    private static final Map<String, Boolean> DOCUMENTED = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> sources = files.filter(p -> p.toString().contains("/src/main/java/") && p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/")).toList();
            for (Path p : sources) {
                String text = Files.readString(p);
                Matcher m = PACKAGE.matcher(text);
                if (!m.find()) {
                    continue;
                }
                String pkg = m.group(1);
                DOCUMENTED.merge(pkg, p.getFileName().toString().equals("package-info.java"), Boolean::logicalOr);
                Set<String> refs = GRAPH.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher r = REFERENCE.matcher(withoutComments(text));
                while (r.find()) {
                    if (!r.group(1).equals(pkg)) {
                        refs.add(r.group(1));
                    }
                }
            }
        }
        assertTrue(GRAPH.containsKey("org.npt4j.core.training"), "sources not found under " + ROOT.toAbsolutePath());
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        List<String> missing = new ArrayList<>();
        DOCUMENTED.forEach((pkg, documented) -> {
            if (!documented) {
                missing.add(pkg);
            }
        });
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    @Test
    void noPackagesDependOnEachOther() {
        List<String> cycles = new ArrayList<>();
        for (String pkg : GRAPH.keySet()) {
            for (String other : GRAPH.get(pkg)) {
                if (GRAPH.containsKey(other) && reaches(other, pkg, new TreeSet<>())) {
                    cycles.add(pkg + " -> " + other + " -> ... -> " + pkg);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    private static boolean reaches(String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : GRAPH.getOrDefault(from, Set.of())) {
            if (reaches(next, to, seen)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theCoreKnowsNothingOfItsAdaptersOrTheDemo() {
        GRAPH.forEach((pkg, refs) -> {
            if (pkg.startsWith("org.npt4j.core")) {
                for (String ref : refs) {
                    assertTrue(ref.startsWith("org.npt4j.core"), pkg + " refers to " + ref);
                }
            }
        });
        assertFalse(GRAPH.get("org.npt4j.core").stream().anyMatch(r -> r.startsWith("org.npt4j.core.")),
                "the configuration package is the bottom layer");
    }
}
