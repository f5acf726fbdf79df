package org.npt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of run rewrites its own section of RESULTS.md and leaves the others alone. */
class ResultsFileTest {

    @Test
    void replacingOneSectionKeepsTheOthersInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("RESULTS.md");
        ResultsFile.replaceSection(file, "Steps", "step table v1");
        ResultsFile.replaceSection(file, "Growth", "growth table");
        ResultsFile.replaceSection(file, "Steps", "step table v2\n\n| a | b |");
        String text = Files.readString(file);
        assertEquals("# Benchmark results\n\n## Steps\n\nstep table v2\n\n| a | b |\n\n## Growth\n\ngrowth table\n", text);
        assertFalse(text.contains("v1"));
        assertTrue(Files.list(dir).allMatch(p -> p.equals(file)), "no temporary file is left behind");
    }
}
