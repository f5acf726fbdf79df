package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import org.npt4j.tribuo.NptRegressionTrainer;
import org.tribuo.Trainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;

/**
 * Fair timing: the native engines start once before the first fold, each timed, the line printed
 * before the folds and written into {@code summary.md}, and only the engines the configured trainers
 * need: no PyTorch for a comparison without NPT.
 */
class EngineStartupTest {

    private static final Pattern LINE = Pattern.compile("engine start-up \\(once, not in any fold's train time\\): .*");

    @TempDir
    Path dir;

    @Test
    void findsEachTrainersEngineOnceAlsoInsideAWrapper() {
        NptConfig onGpu = NptConfig.builder(Preset.CPU_FAST).set(Settings.DEVICE, "gpu:1").build();
        List<Trainer<?>> trainers = List.of(
                new TransformTrainer<>(new NptRegressionTrainer(onGpu), new TransformationMap(List.of())),
                new NptRegressionTrainer(NptConfig.builder(Preset.CPU_FAST).build()),
                new CARTRegressionTrainer(),
                new XGBoostRegressionTrainer(5),
                new XGBoostRegressionTrainer(7));
        assertEquals(List.of("PyTorch (gpu:1)", "PyTorch", "XGBoost"), List.copyOf(EngineStartup.needed(trainers).keySet()));
        assertEquals(List.of("XGBoost"), List.copyOf(EngineStartup.needed(List.of(new CARTRegressionTrainer(),
                new XGBoostRegressionTrainer(5))).keySet()), "no NPT trainer, no PyTorch");
        assertTrue(EngineStartup.needed(List.of(new CARTRegressionTrainer())).isEmpty());
    }

    @Test
    void startsPyTorchAndXGBoostBeforeTheFoldsAndWritesTheLine() throws IOException {
        Path folder = run("<item>npt</item><item>xgboost</item><item>cart</item>");
        String line = line();
        assertTrue(line.matches(LINE.pattern().replace(".*", "PyTorch \\d+\\.\\d\\d s, XGBoost \\d+\\.\\d\\d s")), line);
        assertTrue(out.indexOf(line) < out.indexOf("\ntrainer "), "printed before the results:\n" + out);
        assertTrue(Files.readString(folder.resolve("summary.md")).contains(asSentence(line)),
                "summary.md holds the line");

        // A resumed run starts the engines again and reports its own start-up, in place of the first run's.
        CompareRun resumed = CompareRun.of("--resume", folder.toString(), "--progress", "NONE");
        assertEquals(Compare.SUCCESS, resumed.status(), resumed.err());
        out = resumed.out();
        String again = line();
        assertTrue(again.contains("PyTorch") && again.contains("XGBoost"), again);
        assertTrue(Files.readString(folder.resolve("summary.md")).contains(asSentence(again)),
                "summary.md holds the resumed run's line");
    }

    @Test
    void withoutNptPyTorchIsNotStarted() throws IOException {
        Path folder = run("<item>xgboost</item><item>cart</item>");
        String line = line();
        assertTrue(line.matches(LINE.pattern().replace(".*", "XGBoost \\d+\\.\\d\\d s")), line);
        assertFalse(Files.readString(folder.resolve("summary.md")).contains("PyTorch"), "summary.md names no PyTorch");
    }

    @Test
    void withoutANativeEngineThereIsNoLine() throws IOException {
        Path folder = run("<item>cart</item>");
        assertFalse(out.contains("engine start-up"), out);
        assertFalse(Files.readString(folder.resolve("summary.md")).contains("ngine start-up"), "summary.md has no start-up");
    }

    private String out;

    /** Runs CompareTest's two folds of Boston with these trainers; returns the run's folder. */
    private Path run(String trainers) throws IOException {
        String xml;
        try (InputStream in = EngineStartupTest.class.getResourceAsStream("tiny-config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(trainers, dir.resolve("results"), "");
        }
        Path config = dir.resolve("tiny.xml");
        Files.writeString(config, xml);
        CompareRun run = CompareRun.of("-c", config.toString(), "--progress", "NONE");
        assertEquals(Compare.SUCCESS, run.status(), run.err());
        out = run.out();
        return CompareRun.onlyRunFolder(dir.resolve("results"));
    }

    /** @return the line as summary.md writes it, a sentence: "Engine start-up (...): ... ." */
    private static String asSentence(String line) {
        return "E" + line.substring(1) + ".";
    }

    /** @return the start-up line the last run printed */
    private String line() {
        Matcher m = LINE.matcher(out);
        assertTrue(m.find(), "no start-up line in:\n" + out);
        return m.group();
    }
}
