package org.npt4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
import org.npt4j.experiments.VariantOutput;
import org.npt4j.experiments.protocol.Split;

/**
 * A job, or a sweep variant of one, as a Spark task: rebuilds the run's experiment in the executor from
 * the broadcast configuration and data, checks that the trainers fit in the cores Spark gave the task,
 * and does its {@link Step} with the same {@link FoldWork} an in-process run uses, on the split the
 * driver made. Returns plain data; the driver writes every file.
 *
 * @param <R> what the task returns
 */
final class FoldTask<R> implements Function<FoldJob, R> {

    private static final long serialVersionUID = 1L;

    /**
     * What a task does with the rebuilt experiment.
     *
     * @param <R> what it returns
     */
    @FunctionalInterface
    interface Step<R> extends Serializable {
        /**
         * @param work trains and scores the job's data set's jobs
         * @param job the job
         * @param split its split
         * @return the task's result
         */
        R run(FoldWork work, FoldJob job, Split split);
    }

    private final Broadcast<ShippedExperiment> shipped;
    private final Split split;
    private final Step<R> step;

    private FoldTask(Broadcast<ShippedExperiment> shipped, Split split, Step<R> step) {
        this.shipped = shipped;
        this.split = split;
        this.step = step;
    }

    /**
     * @param shipped the run's experiment
     * @param split the job's split, as the driver made it
     * @return a task that trains and scores the whole job
     */
    static FoldTask<FoldOutput> whole(Broadcast<ShippedExperiment> shipped, Split split) {
        return new FoldTask<>(shipped, split, (work, job, s) -> work.run(job.trainer(), s, TrainingListener.NONE));
    }

    /**
     * @param shipped the run's experiment
     * @param split the job's split
     * @param variant the index of the sweep variant to train
     * @return a task that trains one variant of the job's sweep
     */
    static FoldTask<VariantOutput> variant(Broadcast<ShippedExperiment> shipped, Split split, int variant) {
        return new FoldTask<>(shipped, split, (work, job, s) -> work.runVariant(job.trainer(), s, variant));
    }

    /**
     * @param shipped the run's experiment
     * @param split the job's split
     * @param variants every variant's output, broadcast: a sweep's models can be large
     * @return a task that keeps the sweep's best variant and scores it
     */
    static FoldTask<FoldOutput> fromVariants(Broadcast<ShippedExperiment> shipped, Split split,
            Broadcast<List<VariantOutput>> variants) {
        return new FoldTask<>(shipped, split, (work, job, s) -> work.runFromVariants(job.trainer(), s, variants.value()));
    }

    @Override
    public R call(FoldJob job) throws IOException {
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
            FoldWork work = new FoldWork(e, e.sources().get(job.source()), experiment.recipe().dataFiles().get(job.source()),
                    experiment.names());
            return step.run(work, job, split);
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
