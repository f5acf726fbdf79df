package org.npt4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code RESULTS.md} as a title and {@code ## } sections, each written by its own kind of run, so
 * that a step benchmark does not erase the last long-run memory measurement or the reverse.
 */
final class ResultsFile {

    static final String TITLE = "# Benchmark results";

    private ResultsFile() {}

    /**
     * Replaces (or appends) one section and rewrites the file whole: a temporary file then a move,
     * so an interrupted run leaves the previous results intact.
     *
     * @param file the results file, created if absent
     * @param heading the section's heading, without {@code ## }
     * @param body the section's text
     * @throws IOException if the file cannot be read or written
     */
    static void replaceSection(Path file, String heading, String body) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        if (Files.exists(file)) {
            String current = null;
            StringBuilder text = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("## ")) {
                    if (current != null) {
                        sections.put(current, text.toString().strip());
                    }
                    current = line.substring(3).strip();
                    text.setLength(0);
                } else if (current != null) {
                    text.append(line).append('\n');
                }
            }
            if (current != null) {
                sections.put(current, text.toString().strip());
            }
        }
        sections.put(heading, body.strip());
        StringBuilder out = new StringBuilder(TITLE).append("\n");
        sections.forEach((h, b) -> out.append("\n## ").append(h).append("\n\n").append(b).append("\n"));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, out);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
