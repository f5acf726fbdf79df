package org.npt4j.experiments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One in-process run of {@link Compare}'s command line, with what it printed; for the runner's tests. */
record CompareRun(int status, String out, String err) {

    /**
     * @param args the command line
     * @return its exit status and its standard output and error
     */
    static CompareRun of(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = Compare.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new CompareRun(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /**
     * @param results an experiment's results folder holding one run
     * @return that run's folder
     */
    static Path onlyRunFolder(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.findFirst().orElseThrow();
        }
    }
}
