package org.npt4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/** {@code folds.csv} as the runner keeps it: written at each result, read back by a resumed run. */
class FoldLogTest {

    private static final List<String> TRAINERS = List.of("a", "b,c");
    private static final List<Metric> METRICS = List.of(Metric.RMSE, Metric.R2, Metric.TRAIN_SECONDS);

    @TempDir
    Path dir;

    /** A finished result with the files the runner writes before its line. */
    private FoldResult finished(String trainer, int fold, double rmse) throws IOException {
        String provenance = ResultFiles.provenanceFile(trainer, fold);
        AtomicFiles.write(dir.resolve(provenance), "{}");
        AtomicFiles.write(dir.resolve(ResultFiles.predictionsFile(trainer, fold)), "row,actual,predicted\n");
        return new FoldResult(trainer, fold, Map.of(Metric.RMSE, rmse, Metric.TRAIN_SECONDS, 0.1 + 0.2), provenance);
    }

    @Test
    void eachResultIsOnDiskInOrderAsSoonAsItIsRecorded() throws IOException {
        FoldLog log = FoldLog.start(dir, TRAINERS, 2, METRICS);
        Path file = dir.resolve(FoldLog.FILE);
        assertEquals(List.of("trainer,fold,rmse,r2,train_s,provenance,status,message"), Files.readAllLines(file));
        log.record(finished("b,c", 0, 4.5));
        log.record(FoldResult.failed("a", 0, "Trainer 'a' failed in training on fold 1: bad, \"very\"\nbad"));
        assertEquals(List.of("trainer,fold,rmse,r2,train_s,provenance,status,message",
                "a,0,,,,,failed,\"Trainer 'a' failed in training on fold 1: bad, \"\"very\"\" bad\"",
                "\"b,c\",0,4.5,,0.30000000000000004,provenance/b_c-fold-0.json,ok,"), Files.readAllLines(file));
    }

    @Test
    void aResumedLogHoldsTheFinishedResultsExactlyAndRetriesTheFailedOnes() throws IOException {
        FoldLog log = FoldLog.start(dir, TRAINERS, 2, METRICS);
        FoldResult done = finished("b,c", 1, 1 / 3.0);
        log.record(done);
        log.record(FoldResult.failed("a", 1, "no"));
        FoldLog resumed = FoldLog.resume(dir, TRAINERS, 2, METRICS);
        assertEquals(Optional.of(done), resumed.finished("b,c", 1));
        assertEquals(Optional.empty(), resumed.finished("a", 1));
        assertEquals(List.of(done), resumed.results());
    }

    @Test
    void aLineWhoseFilesAreMissingIsRunAgain() throws IOException {
        FoldLog log = FoldLog.start(dir, TRAINERS, 2, METRICS);
        log.record(finished("a", 0, 2.0));
        Files.delete(dir.resolve(ResultFiles.predictionsFile("a", 0)));
        assertEquals(Optional.empty(), FoldLog.resume(dir, TRAINERS, 2, METRICS).finished("a", 0));
    }

    @Test
    void anotherExperimentsLogIsRefused() throws IOException {
        FoldLog.start(dir, TRAINERS, 2, METRICS).record(finished("a", 1, 2.0));
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> FoldLog.resume(dir, TRAINERS, 2, List.of(Metric.ACCURACY)));
        assertTrue(columns.getMessage().contains("columns"), columns.getMessage());
        IllegalArgumentException trainer = assertThrows(IllegalArgumentException.class,
                () -> FoldLog.resume(dir, List.of("b,c"), 2, METRICS));
        assertTrue(trainer.getMessage().contains("line 2: trainer 'a'"), trainer.getMessage());
        IllegalArgumentException fold = assertThrows(IllegalArgumentException.class,
                () -> FoldLog.resume(dir, TRAINERS, 1, METRICS));
        assertTrue(fold.getMessage().contains("fold 1"), fold.getMessage());
    }

    @Test
    void aRunStoppedBeforeItsLogHasNothingFinished() throws IOException {
        assertEquals(List.of(), FoldLog.resume(dir, TRAINERS, 2, METRICS).results());
    }

    @Test
    void aRepeatedProtocolsLogNamesEachFoldsRepeatAndResumesByFoldNumber() throws IOException {
        FoldNumbering twoByTwo = new FoldNumbering(2, 2);
        FoldLog log = FoldLog.start(dir, TRAINERS, twoByTwo, METRICS);
        FoldResult second = finished("a", 3, 2.5);
        log.record(finished("a", 1, 2.0));
        log.record(second);
        List<String> lines = Files.readAllLines(dir.resolve(FoldLog.FILE));
        assertEquals("trainer,repeat,fold,rmse,r2,train_s,provenance,status,message", lines.get(0));
        assertEquals("a,0,1,2.0,,0.30000000000000004,provenance/a-fold-1.json,ok,", lines.get(1));
        assertEquals("a,1,3,2.5,,0.30000000000000004,provenance/a-fold-3.json,ok,", lines.get(2));
        FoldLog resumed = FoldLog.resume(dir, TRAINERS, twoByTwo, METRICS);
        assertEquals(Optional.of(second), resumed.finished("a", 3), "repeat 1's fold is its own (fold, trainer)");
        assertEquals(Optional.empty(), resumed.finished("a", 2));
        assertThrows(IllegalArgumentException.class, () -> FoldLog.resume(dir, TRAINERS, 4, METRICS),
                "a log with repeats is not a single k-fold's");
        Files.writeString(dir.resolve(FoldLog.FILE), lines.get(0) + "\n" + lines.get(2).replace("a,1,3", "a,0,3") + "\n");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> FoldLog.resume(dir, TRAINERS, twoByTwo, METRICS));
        assertTrue(wrong.getMessage().contains("fold 3 is in repeat 1"), wrong.getMessage());
    }
}
