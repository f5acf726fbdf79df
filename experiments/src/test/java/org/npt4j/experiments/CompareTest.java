package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line end to end on a tiny NPT, and its answers to broken configurations. */
class CompareTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    /** Two folds of Boston (categorical CHAS and RAD) with a tiny NPT, XGBoost and a tree. */
    private Path config(String sourceExtra, String trainers) throws IOException {
        String xml;
        try (InputStream in = CompareTest.class.getResourceAsStream("tiny-config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        xml = xml.formatted(trainers, dir.resolve("results"), sourceExtra);
        Path file = dir.resolve("tiny.xml");
        Files.writeString(file, xml);
        return file;
    }

    private int run(String... args) {
        CompareRun run = CompareRun.of(args);
        out = run.out();
        err = run.err();
        return run.status();
    }

    private static final String ALL = "<item>npt</item><item>xgboost</item><item>cart</item>";

    @Test
    void runsEveryTrainerOnTheSameFoldsAndWritesTheResults() throws IOException {
        Path config = config("", ALL);
        assertEquals(0, run("-c", config.toString(), "--progress", "LOG", "--@protocol.seed", "3"), err);
        for (String trainer : List.of("npt", "xgboost", "cart")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(trainer + " ") || l.startsWith("*" + trainer)
                    || l.matches("^" + trainer + "\\s.*")), trainer + " row missing:\n" + out);
        }
        assertTrue(err.contains("fold 2/2 npt: step 4/4"), err);

        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            folder = runs.findFirst().orElseThrow();
        }
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        // The significance test's columns follow the original ones, which keep their places.
        assertEquals("trainer,rmse_mean,rmse_se,mae_mean,mae_se,r2_mean,r2_se,train_s_mean,train_s_se,"
                + "predict_ms_per_row_mean,predict_ms_per_row_se,folds,rmse_t,rmse_p,rmse_outcome,mae_t,mae_p,mae_outcome,"
                + "r2_t,r2_p,r2_outcome,train_s_t,train_s_p,train_s_outcome,predict_ms_per_row_t,predict_ms_per_row_p,"
                + "predict_ms_per_row_outcome", summary.get(0));
        assertEquals(4, summary.size());
        assertTrue(summary.get(1).startsWith("npt,") && folds(summary, 1).equals("2"), summary.get(1));
        assertTrue(summary.get(1).endsWith(",2,,,base,,,base,,,base,,,base,,,base"), "npt is the base: " + summary.get(1));
        assertTrue(out.contains("(v/ /*) against npt") && out.contains("(the base: the NPT trainer)"), out);
        List<String> folds = Files.readAllLines(folder.resolve("folds.csv"));
        assertEquals("trainer,fold,rmse,mae,r2,train_s,predict_ms_per_row,provenance,status,message", folds.get(0));
        assertEquals(1 + 3 * 2, folds.size());
        assertTrue(folds.stream().skip(1).allMatch(l -> l.endsWith(",ok,")), "every fold finished");
        String markdown = Files.readString(folder.resolve("summary.md"));
        assertTrue(markdown.contains("| npt |"));
        // This config leaves NPT and XGBoost at their libraries' own thread counts, which differ: said, and warned about.
        assertTrue(markdown.contains("- npt: learns from train, holds out its own validation rows; the library's default thread count "
                + "(threads 0)") && markdown.contains("; 4 threads (nThread)") && markdown.contains("- cart: learns from train; "
                + "no thread-count setting"), markdown);
        assertTrue(err.contains("warning: the trainers run on different thread counts (npt threads 0, xgboost nThread 4)"), err);

        // The splits file records one role per row and split; each row is tested once.
        List<String> splits = Files.readAllLines(folder.resolve("splits.csv"));
        assertEquals("row,split_0,split_1", splits.get(0));
        assertEquals(1 + 506, splits.size());
        assertTrue(splits.stream().skip(1).allMatch(l -> l.endsWith(",train,test") || l.endsWith(",test,train")));

        byte[] png = Files.readAllBytes(folder.resolve("comparison.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String provenance = Files.readString(folder.resolve("provenance/npt-fold-1.json"));
        assertTrue(provenance.contains("\"npt-seed\"") && provenance.contains("data-sha256"), "provenance lacks run facts");
        assertTrue(Files.readString(folder.resolve("configuration.xml")).contains("\"seed\" value=\"3\""),
                "the saved configuration carries the command-line override");
        try (Stream<Path> files = Files.walk(folder)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    /**
     * Runs the command line on {@code config} with {@code options} after it, and checks the exit status
     * and that the error output names every one of {@code named}.
     */
    private void assertRefused(int status, Path config, List<String> options, List<String> named) {
        List<String> args = new ArrayList<>(List.of("-c", config.toString()));
        args.addAll(options);
        assertEquals(status, run(args.toArray(String[]::new)), err);
        for (String name : named) {
            assertTrue(err.contains(name), () -> "'" + name + "' not named in:\n" + err);
        }
    }

    @Test
    void anUnknownPropertyIsNamed() throws IOException {
        assertRefused(1, config("<property name=\"responce\" value=\"MEDV\"/>", ALL), List.of(), List.of("responce", "boston"));
    }

    /** Options that break a sound configuration at run time, each with what its refusal must name. */
    static Stream<Arguments> badRunOptions() {
        return Stream.of(
                arguments(named("a missing file is named", List.of("--@boston.file", "data/nowhere.csv")),
                        List.of("nowhere.csv", "does not exist")),
                arguments(named("a missing response column is named with the columns that exist",
                        List.of("--@boston.response", "PRICE")), List.of("'PRICE'", "MEDV")),
                arguments(named("an unknown experiment name lists the experiments", List.of("-e", "nope")),
                        List.of("'nope'", "experiment")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRunOptions")
    void aBadRunOptionIsNamed(List<String> options, List<String> named) throws IOException {
        assertRefused(1, config("", ALL), options, named);
    }

    @Test
    void aClassifierOnARegressionResponseIsRefusedBeforeTraining() throws IOException {
        assertRefused(1, config("", "<item>xgboost-classifier</item>"), List.of(), List.of("XGBoostClassificationTrainer", "regression"));
        assertTrue(!Files.exists(dir.resolve("results")), "nothing is written for a configuration that fails");
    }

    @Test
    void theSparkExecutorWithoutItsModuleSaysWhereItIs() {
        assertRefused(1, Path.of("configs/quick-start.xml"), List.of("--@executor", "spark"),
                List.of("spark-npt module, which is not on the classpath", "spark-npt-*-cluster.jar"));
    }

    /** The {@code folds} cell of a line of {@code summary.csv}, found by its header, since the test's columns follow it. */
    private static String folds(List<String> summary, int line) {
        return summary.get(line).split(",", -1)[Arrays.asList(summary.get(0).split(",", -1)).indexOf("folds")];
    }

    /** The run's output folder, the only one under {@code results}. */
    private Path runFolder() throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void aTrainerThatFailsOnEveryFoldIsNamedWithItsFoldAndTheOthersGoOn() throws IOException {
        // Standardising every feature (the shipped configs standardise numeric ones only), a one-hot feature's only explicit value is 1: its standard deviation is 0 and
        // standardising it gives NaN, which Tribuo's SGD refuses.
        assertRefused(Compare.SOME_FAILED, config("", "<item>cart</item><item>linear-unscaled-onehot</item>"),
                List.of("--progress", "NONE"), List.of("Trainer 'linear-unscaled-onehot' failed in training on fold 1", "NaN"));
        assertTrue(out.contains("FAILED: linear-unscaled-onehot failed on folds 1 and 2; its means are over 0 of 2 folds"), out);
        Path folder = runFolder();
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertTrue(summary.get(1).startsWith("cart,") && folds(summary, 1).equals("2"), "cart's results are all there");
        assertTrue(summary.get(2).startsWith("linear-unscaled-onehot,") && folds(summary, 2).equals("0"), summary.get(2));
        List<String> folds = Files.readAllLines(folder.resolve("folds.csv"));
        assertEquals(1 + 2 * 2, folds.size());
        assertTrue(folds.get(2).startsWith("linear-unscaled-onehot,0,,,,,,,failed,\"Trainer 'linear-unscaled-onehot' failed "
                + "in training on fold 1"), folds.get(2));
    }

    @Test
    void aTrainerThatFailsOnOneFoldKeepsItsOtherFoldsAndTheSummarySaysSo() throws IOException {
        assertRefused(Compare.SOME_FAILED, config("", "<item>flaky</item><item>cart</item>"), List.of("--progress", "LOG"),
                List.of("Trainer 'flaky' failed in training on fold 2"));
        assertTrue(err.contains("fold 2/2 cart: RMSE"), "the next trainer runs after the failure:\n" + err);
        Path folder = runFolder();
        String markdown = Files.readString(folder.resolve("summary.md"));
        assertTrue(markdown.contains("- flaky failed on fold 2; its means are over 1 of 2 folds. First error: Trainer 'flaky' "
                + "failed in training on fold 2: " + FailOnFoldTrainer.MESSAGE), markdown);
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertTrue(summary.get(1).startsWith("flaky,") && folds(summary, 1).equals("1"), summary.get(1));
        assertTrue(summary.get(2).startsWith("cart,") && folds(summary, 2).equals("2"), summary.get(2));
        List<String> folds = Files.readAllLines(folder.resolve("folds.csv"));
        assertTrue(folds.get(1).startsWith("flaky,0,") && folds.get(1).endsWith(",ok,"), folds.get(1));
        assertTrue(folds.get(3).endsWith(",failed,\"Trainer 'flaky' failed in training on fold 2: deliberate failure, "
                + "\"\"as configured\"\"\""), "the message is one quoted CSV field: " + folds.get(3));
    }

    @Test
    void resumingAFinishedRunTrainsNothingAndWritesTheSameSummary() throws IOException {
        assertEquals(Compare.SUCCESS, run("-c", config("", "<item>cart</item>").toString(), "--progress", "NONE"), err);
        Path folder = runFolder();
        String summary = Files.readString(folder.resolve("summary.csv"));
        assertEquals(Compare.SUCCESS, run("--resume", folder.toString(), "--progress", "LOG"), err);
        assertTrue(out.contains("2 of 2 (fold, trainer) results were finished"), out);
        assertTrue(!err.contains("training"), "nothing is trained again:\n" + err);
        assertEquals(summary, Files.readString(folder.resolve("summary.csv")));
    }

    @Test
    void aResumeWithAnotherConfigurationIsRefusedNamingTheDifference() throws IOException {
        Path config = config("", "<item>cart</item>");
        assertEquals(Compare.SUCCESS, run("-c", config.toString(), "--progress", "NONE"), err);
        Path folder = runFolder();
        assertRefused(Compare.ERROR, config, List.of("--resume", folder.toString(), "--@protocol.folds", "3"),
                List.of("cannot resume", "component 'protocol' property 'folds' is 3 in the loaded configuration but 2"));
        assertRefused(Compare.BAD_COMMAND_LINE, config, List.of("--resume", dir.toString()), List.of("configuration.xml"));
    }

    @Test
    void commandLineMistakesAreNamedWithStatusTwo() throws IOException {
        assertRefused(2, dir.resolve("absent.xml"), List.of(), List.of("absent.xml"));
        assertRefused(2, config("", ALL), List.of("--@npt.stepz", "3"), List.of("stepz", "npt"));
    }
}
