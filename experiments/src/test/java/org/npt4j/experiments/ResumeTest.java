package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.experiments.report.ResultFiles;

/**
 * A run killed with SIGKILL keeps every (fold, trainer) it finished, and {@code --resume} finishes it
 * with the results of a run that was never interrupted: the same scores, bit-identical predictions.
 * Four folds of Boston with a tiny NPT and CART.
 */
class ResumeTest {

    private static final List<String> TRAINERS = List.of("npt", "cart");
    private static final int FOLDS = 4;

    @TempDir
    Path dir;

    private String err;

    /** The experiment's configuration, writing its runs under {@code output}. */
    private Path config(Path output) throws IOException {
        try (InputStream in = ResumeTest.class.getResourceAsStream("resume-config.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(output);
            Path file = dir.resolve(output.getFileName() + ".xml");
            Files.writeString(file, xml);
            return file;
        }
    }

    @Test
    void aRunKilledAfterTwoFoldsResumesToTheResultsOfAnUninterruptedRun() throws Exception {
        Path killed = killedAfterTwoFolds(dir.resolve("killed"));
        List<String> survived = Files.readAllLines(killed.resolve("folds.csv"));
        assertTrue(survived.size() >= 1 + 2 * TRAINERS.size(), "two folds' lines survive the kill: " + survived);
        assertTrue(survived.stream().skip(1).allMatch(l -> l.endsWith(",ok,") && l.split(",", -1).length == 10),
                "every line is whole: " + survived);
        assertFalse(Files.exists(killed.resolve("summary.csv")), "the run was killed before it finished");

        assertEquals(Compare.SUCCESS, run("--resume", killed.toString(), "--progress", "LOG"), err);
        assertFalse(err.contains("fold 1/4") || err.contains("fold 2/4"), "finished folds are not trained again:\n" + err);
        assertTrue(err.contains("fold 4/4 cart: RMSE"), err);

        assertEquals(Compare.SUCCESS, run("-c", config(dir.resolve("whole")).toString(), "--progress", "NONE"), err);
        Path whole = onlyRun(dir.resolve("whole"));
        assertEquals(withoutTimings(whole.resolve("summary.csv")), withoutTimings(killed.resolve("summary.csv")));
        assertEquals(withoutTimings(whole.resolve("folds.csv")), withoutTimings(killed.resolve("folds.csv")));
        for (String trainer : TRAINERS) {
            for (int fold = 0; fold < FOLDS; fold++) {
                String file = ResultFiles.predictionsFile(trainer, fold);
                assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(killed.resolve(file)),
                        file + " is bit-identical");
            }
        }
        try (Stream<Path> files = Files.walk(killed)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    /**
     * Runs Compare in a child JVM and kills it with SIGKILL once it starts the third fold.
     *
     * @param output the experiment's output directory
     * @return the killed run's output folder
     */
    private Path killedAfterTwoFolds(Path output) throws Exception {
        Path config = config(output);
        Path childErr = dir.resolve("child.err");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", "-Djava.awt.headless=true",
                Compare.class.getName(), "-c", config.toString(), "--progress", "LOG")
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(childErr.toFile());
        // The child inherits this JVM's environment, so both compute with the same number of threads:
        // floating-point results are reproducible only at a fixed thread count.
        Process child = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            // LOG progress prints this line after folds 1 and 2 are in folds.csv, as the third starts training.
            while (!Files.readString(childErr).contains("fold 3/4 npt: training")) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    fail("the child run " + (child.isAlive() ? "took too long" : "ended") + ":\n" + Files.readString(childErr));
                }
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child run ends when killed");
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        return onlyRun(output);
    }

    private int run(String... args) {
        CompareRun run = CompareRun.of(args);
        err = run.err();
        return run.status();
    }

    private static Path onlyRun(Path output) throws IOException {
        try (Stream<Path> runs = Files.list(output)) {
            return runs.findFirst().orElseThrow();
        }
    }

    /** The CSV file without its timing columns, which are measured, not computed. */
    private static List<List<String>> withoutTimings(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int c = 0; c < cells.length; c++) {
                if (!header.get(c).startsWith("train_s") && !header.get(c).startsWith("predict_ms")) {
                    kept.add(cells[c]);
                }
            }
            out.add(kept);
        }
        return out;
    }
}
