package org.npt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.experiments.Compare;

/**
 * What the Spark executor does with failures and with thread counts that do not fit Spark's tasks.
 * Runs on Spark's {@code local[2]} master, where a failed task is not retried: the executor JVMs of
 * {@link SparkExperimentTest} are not needed to see what the driver records.
 */
class SparkFailuresTest {

    private static final String CONFIG = "spark-npt/src/test/resources/org/npt4j/spark/spark-failures.xml";

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestCluster.inProcess("npt4j-failures", 2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static CompareRun compare(String... overrides) {
        return CompareRun.of(CONFIG, overrides);
    }

    @Test
    void failedTrainersAndFailedTasksAreRecordedPerFoldAndTheRestFinishes() throws Exception {
        CompareRun run = compare();
        assertEquals(Compare.SOME_FAILED, run.status(), run.out() + run.err());
        Path folder = run.folder();
        List<String> lines = Files.readAllLines(folder.resolve("folds.csv"));
        assertEquals(1 + 9, lines.size(), String.join("\n", lines));
        long failed = lines.stream().filter(l -> l.contains("deliberate")).count();
        assertEquals(2, failed, String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fails,1,") && l.contains("deliberate trainer failure")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("crashes,1,") && l.contains("Spark could not run its task")
                && l.contains("deliberate task failure")), String.join("\n", lines));
        assertTrue(run.err().contains("2 of 9 (fold, trainer) runs failed"), run.err());
    }

    @Test
    void aTrainerThatTakesEveryCoreIsRefused() {
        CompareRun run = compare("-e", "npt-only", "--@npt.threads", "0");
        assertEquals(Compare.ERROR, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("trainer 'npt' has threads 0"), run.err());
    }

    @Test
    void aTrainerWithMoreThreadsThanATaskHasCoresIsRefused() {
        CompareRun run = compare("-e", "npt-only", "--@threads", "2");
        assertEquals(Compare.ERROR, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("spark.task.cpus=2"), run.err());
        assertTrue(run.out().isEmpty(), "refused before the run's folder is made: " + run.out());
    }
}
