package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.experiments.report.DependenceFiles;

/**
 * The dependence diagnostic's command: trains a tiny model on a small CSV, writes its CSV, PNG and
 * text files, and refuses bad command lines and unknown targets with the reason.
 */
class DependenceDiagnosticTest {

    /** A tiny model trained for a few steps: the files, not the model, are under test. */
    private static final List<String> TINY = List.of("--steps", "20", "--embeddingDim", "4", "--depth", "2", "--heads", "2",
            "--targetMaskProbability", "0.5");

    /** @return a class that follows x1's sign, with a noise column, n rows */
    private static Path csv(Path dir, int n) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder text = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < n; i++) {
            double x1 = r.nextDouble(-1, 1);
            text.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", x1, r.nextDouble(-1, 1), x1 > 0 ? "up" : "down"));
        }
        Path file = dir.resolve("signs.csv");
        Files.writeString(file, text);
        return file;
    }

    private record Run(int status, String out, String err) {}

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DependenceDiagnostic.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> args(Path data, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--data", data.toString(), "--target", "label", "--out", out.toString()));
        args.addAll(TINY);
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void writesTheSummaryRowsChartAndTextForEachCorruption(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Run run = run(args(csv(dir, 100), out));
        assertEquals(DependenceDiagnostic.SUCCESS, run.status(), run.err());
        assertTrue(run.out().contains("targets randomised") && run.out().contains("context replaced"), run.out());

        List<String> summary = Files.readAllLines(out.resolve(DependenceFiles.SUMMARY));
        assertEquals(List.of("clean", "TARGETS_RANDOMISED", "FEATURES_PERMUTED", "CONTEXT_REPLACED"),
                summary.subList(1, summary.size()).stream().map(line -> line.split(",")[0]).toList());
        // 100 rows: 20 test, 20 pool and 60 training rows, so the pool is drawn with replacement.
        assertTrue(summary.get(4).endsWith(",60,20,true,true"), summary.get(4));

        List<String> rows = Files.readAllLines(out.resolve(DependenceFiles.ROWS));
        assertEquals("row,targets_randomised_change,targets_randomised_flipped,features_permuted_change,"
                + "features_permuted_flipped,context_replaced_change,context_replaced_flipped", rows.get(0));
        assertEquals(21, rows.size());
        for (String line : rows.subList(1, rows.size())) {
            double change = Double.parseDouble(line.split(",")[1]);
            assertTrue(change >= 0 && change <= 1, line);
        }

        byte[] png = Files.readAllBytes(out.resolve(DependenceFiles.CHART));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String text = Files.readString(out.resolve(DependenceFiles.TEXT));
        assertTrue(text.contains("60 training rows") && text.contains("drawn with replacement"), text);
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void theSameSeedWritesTheSameNumbers(@TempDir Path dir) throws IOException {
        Path data = csv(dir, 60);
        assertEquals(DependenceDiagnostic.SUCCESS, run(args(data, dir.resolve("a"), "--seed", "3")).status());
        assertEquals(DependenceDiagnostic.SUCCESS, run(args(data, dir.resolve("b"), "--seed", "3")).status());
        assertEquals(Files.readString(dir.resolve("a").resolve(DependenceFiles.ROWS)),
                Files.readString(dir.resolve("b").resolve(DependenceFiles.ROWS)));
    }

    @Test
    void aBadCommandLineOrAnUnknownTargetIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path data = csv(dir, 30);
        Run noTarget = run(List.of("--data", data.toString()));
        assertEquals(DependenceDiagnostic.BAD_COMMAND_LINE, noTarget.status());
        assertTrue(noTarget.err().contains("--target"), noTarget.err());

        Run badSetting = run(args(data, dir.resolve("x"), "--noSuchSetting", "1"));
        assertEquals(DependenceDiagnostic.BAD_COMMAND_LINE, badSetting.status());
        assertTrue(badSetting.err().contains("noSuchSetting"), badSetting.err());

        Run unknownTarget = run(List.of("--data", data.toString(), "--target", "nope", "--out", dir.resolve("y").toString()));
        assertEquals(DependenceDiagnostic.ERROR, unknownTarget.status());
        assertTrue(unknownTarget.err().contains("'nope'"), unknownTarget.err());
        assertFalse(Files.exists(dir.resolve("y")), "nothing is written when the data cannot be used");
    }

    @Test
    void anExperimentConfigGivesTheDataSourceWithItsTargetAndCategoricalColumns(@TempDir Path dir) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--config", "configs/boston-paper-protocol-cpu-preset.xml",
                "--out", dir.toString(), "--test-fraction", "0.1", "--pool-fraction", "0.1"));
        args.addAll(TINY);
        Run run = run(args);
        assertEquals(DependenceDiagnostic.SUCCESS, run.status(), run.err());
        assertTrue(run.out().contains("target MEDV") && run.out().contains("RMSE"), run.out());
    }
}
