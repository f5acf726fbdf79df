package org.npt4j.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npt4j.experiments.Compare;

/**
 * One run of the experiments' command line in the test JVM, with what it printed.
 *
 * @param status the exit status
 * @param out the standard output
 * @param err the error output
 */
record CompareRun(int status, String out, String err) {

    private static final String RESULTS = "Results written to ";

    /**
     * @param config the configuration file
     * @param overrides further arguments, after {@code -c config --progress NONE}
     * @return the run
     */
    static CompareRun of(String config, String... overrides) {
        List<String> args = new ArrayList<>(List.of("-c", config, "--progress", "NONE"));
        args.addAll(List.of(overrides));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Compare.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CompareRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return the results folder the run printed */
    Path folder() {
        return Path.of(out.lines().filter(l -> l.startsWith(RESULTS)).findFirst().orElseThrow().substring(RESULTS.length()));
    }
}
