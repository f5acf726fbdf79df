package org.npt4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.npt4j.core.training.TrainingListener;
import org.npt4j.experiments.EngineStartup;
import org.npt4j.experiments.Experiment;
import org.npt4j.experiments.FoldJob;
import org.npt4j.experiments.FoldOutput;
import org.npt4j.experiments.FoldWork;
import org.npt4j.experiments.TableSource;
import org.npt4j.experiments.protocol.Split;

/**
 * One (split, trainer) job as a Spark task: rebuilds the run's experiment in the executor from the
 * broadcast configuration and data, checks that the trainers fit in the cores Spark gave the task,
 * and trains and scores the job with the same {@link FoldWork} an in-process run uses, on the split the
 * driver made. Returns the job's output; the driver writes every file.
 */
final class FoldTask implements Function<FoldJob, FoldOutput> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<ShippedExperiment> shipped;
    private final Split split;

    /**
     * @param shipped the run's experiment
     * @param split the job's split, as the driver made it
     */
    FoldTask(Broadcast<ShippedExperiment> shipped, Split split) {
        this.shipped = shipped;
        this.split = split;
    }

    @Override
    public FoldOutput call(FoldJob job) throws IOException {
        // The natives travel on the classpath; an executor must never reach for the network instead.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        ShippedExperiment experiment = shipped.value();
        Path dir = Files.createTempDirectory("npt4j-job-");
        try (ShippedExperiment.Loaded loaded = experiment.load(dir)) {
            Experiment e = loaded.experiment();
            TaskContext task = TaskContext.get();
            TaskThreads.check(e.trainers(), experiment.names(), task == null ? 1 : task.cpus());
            // Started before training, as the in-process run starts them before its first fold, so that no
            // job's train time holds the executor's one-off engine start-up.
            EngineStartup.start(e.trainers());
            TableSource source = e.sources().get(job.source());
            FoldWork work = new FoldWork(e, source, experiment.recipe().dataFiles().get(job.source()), experiment.names());
            return work.run(job.trainer(), split, TrainingListener.NONE);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the job's folder " + dir, e);
        }
    }
}
