package org.npt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.npt4j.experiments.Compare;
import org.npt4j.experiments.report.ResultFiles;
import org.npt4j.experiments.score.Metric;

/**
 * A k-fold experiment run on a Spark cluster of two executor JVMs gives the per-fold scores and the
 * predictions of the same experiment run in-process, even when one executor's JVM is killed while it
 * trains: Spark runs the lost task again and the run completes with nothing failed. One trainer is a
 * sweep, whose variants train as tasks of their own before one more keeps the better: its folds match
 * the in-process sweep's too.
 */
class SparkExperimentTest {

    private static final String CONFIG = "spark-npt/src/test/resources/org/npt4j/spark/spark-experiment.xml";
    private static final List<String> TRAINERS = List.of("npt", "npt-sweep", "xgboost", "cart");
    private static final int FOLDS = 3;
    /** A task running this long is inside its training, past the executor's engine start-up. */
    private static final long KILL_AFTER_MILLIS = 4000;

    @Test
    void sparkGivesTheInProcessScoresAndSurvivesAKilledExecutor() throws Exception {
        Path inProcess = compare();

        KillOneExecutor killer = new KillOneExecutor();
        Path onSpark;
        SparkSession spark = SparkSession.builder().config(TestCluster.conf("npt4j-experiment-test", 2, 1)).getOrCreate();
        try {
            spark.sparkContext().addSparkListener(killer);
            Thread watcher = killer.watch();
            onSpark = compare("--@executor", "spark");
            watcher.interrupt();
        } finally {
            spark.stop();
        }

        assertNotNull(killer.killed.get(), "no task ran long enough to be killed");
        assertFalse(killer.lost.isEmpty(), "Spark saw no task lost with its executor (killed " + killer.killed.get() + ")");

        Map<String, List<String>> expected = qualityColumns(inProcess);
        Map<String, List<String>> actual = qualityColumns(onSpark);
        System.out.println("killed " + killer.killed.get() + "; Spark saw " + killer.lost);
        for (int fold = 1; fold <= FOLDS; fold++) {
            for (String stage : List.of(" variant 1/2", " variant 2/2", " choosing among 2 variants")) {
                String job = "npt4j npt-sweep fold " + fold + stage;
                assertTrue(killer.jobs.contains(job), job + " was not a Spark job of its own: " + killer.jobs);
            }
        }
        expected.forEach((fold, scores) -> System.out.println("in-process " + fold + " " + scores + "\non Spark   " + fold + " "
                + actual.get(fold)));
        assertEquals(TRAINERS.size() * FOLDS, expected.size());
        assertEquals(expected, actual, "per-fold scores on Spark should be the in-process ones");
        for (String trainer : TRAINERS) {
            for (int fold = 0; fold < FOLDS; fold++) {
                String file = ResultFiles.predictionsFile(trainer, fold);
                assertEquals(Files.readString(inProcess.resolve(file)), Files.readString(onSpark.resolve(file)), file);
                assertTrue(Files.isRegularFile(onSpark.resolve(ResultFiles.provenanceFile(trainer, fold))));
            }
        }
        assertTrue(Files.readString(onSpark.resolve("configuration.xml")).contains("<property name=\"executor\" value=\"spark\"/>"));
    }

    /** Runs the test experiment with Compare and returns its results folder. */
    private static Path compare(String... overrides) {
        CompareRun run = CompareRun.of(CONFIG, overrides);
        assertEquals(Compare.SUCCESS, run.status(), run.out() + run.err());
        return run.folder();
    }

    /** {@code folds.csv}'s quality columns per "trainer,fold"; the timings differ from run to run. */
    private static Map<String, List<String>> qualityColumns(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("folds.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        Set<String> timings = Set.of(Metric.TRAIN_SECONDS.key(), Metric.PREDICT_MS_PER_ROW.key());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            List<String> quality = new ArrayList<>();
            for (int c = 2; c < cells.length; c++) {
                if (!timings.contains(header.get(c))) {
                    quality.add(header.get(c) + "=" + cells[c]);
                }
            }
            out.put(cells[0] + "," + cells[1], quality);
        }
        return out;
    }

    /** Kills, once, the JVM of an executor whose task has run for {@link #KILL_AFTER_MILLIS}, and records what Spark saw. */
    private static final class KillOneExecutor extends SparkListener {
        final Map<Long, SparkListenerTaskStart> running = new ConcurrentHashMap<>();
        final AtomicReference<String> killed = new AtomicReference<>();
        final List<String> lost = new ArrayList<>();
        final List<String> jobs = new ArrayList<>();

        @Override
        public synchronized void onJobStart(SparkListenerJobStart start) {
            jobs.add(start.properties().getProperty("spark.job.description", ""));
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            running.put(start.taskInfo().taskId(), start);
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            running.remove(end.taskInfo().taskId());
            if (end.reason() instanceof ExecutorLostFailure failure) {
                lost.add("task " + end.taskInfo().taskId() + " on executor " + failure.execId());
            }
        }

        Thread watch() {
            Thread t = new Thread(() -> {
                try {
                    while (killed.get() == null) {
                        Thread.sleep(100);
                        long now = System.currentTimeMillis();
                        for (SparkListenerTaskStart s : running.values()) {
                            if (now - s.taskInfo().launchTime() > KILL_AFTER_MILLIS) {
                                String executor = s.taskInfo().executorId();
                                ProcessHandle jvm = TestCluster.executorProcess(executor);
                                jvm.destroyForcibly();
                                killed.set("executor " + executor + " (pid " + jvm.pid() + ") during task " + s.taskInfo().taskId());
                                break;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kill-one-executor");
            t.setDaemon(true);
            t.start();
            return t;
        }
    }
}
