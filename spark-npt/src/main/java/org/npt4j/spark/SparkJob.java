package org.npt4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.npt4j.experiments.FoldJob;
import org.npt4j.experiments.FoldOutput;
import org.npt4j.experiments.VariantOutput;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.FoldResult;

/**
 * One (split, trainer) job on its way through Spark. A plain trainer's job is one task. A sweep's job
 * (NPT with {@code variants}: the paper's eight) is one task per variant, all running at once, and,
 * when every variant has trained, one more task that keeps the best and scores it; so a sweep spreads
 * over the cluster and still gives the model the in-process sweep gives. Polled from the driver's
 * thread; each stage is submitted as a Spark job of one task.
 */
final class SparkJob {

    private final JavaSparkContext sc;
    private final Broadcast<ShippedExperiment> shipped;
    private final FoldJob job;
    private final Split split;
    private final String trainer;
    private final String group;
    private JavaFutureAction<List<FoldOutput>> whole;
    private final List<JavaFutureAction<List<VariantOutput>>> variants = new ArrayList<>();
    private Broadcast<List<VariantOutput>> trained;

    /**
     * Submits the job's first stage.
     *
     * @param sc the Spark context
     * @param shipped the run's experiment
     * @param job the job
     * @param split its split
     * @param trainer the trainer's display name
     * @param sweepVariants how many variants the trainer's sweep has; 0 for none
     * @param group the run's Spark job group, which a failed run cancels
     */
    SparkJob(JavaSparkContext sc, Broadcast<ShippedExperiment> shipped, FoldJob job, Split split, String trainer, int sweepVariants,
            String group) {
        this.sc = sc;
        this.shipped = shipped;
        this.job = job;
        this.split = split;
        this.trainer = trainer;
        this.group = group;
        if (sweepVariants == 0) {
            describe("");
            whole = sc.parallelize(List.of(job), 1).map(FoldTask.whole(shipped, split)).collectAsync();
        } else {
            for (int v = 0; v < sweepVariants; v++) {
                describe(" variant " + (v + 1) + "/" + sweepVariants);
                variants.add(sc.parallelize(List.of(job), 1).map(FoldTask.variant(shipped, split, v)).collectAsync());
            }
        }
    }

    private void describe(String stage) {
        sc.setJobGroup(group, "npt4j " + trainer + " fold " + (split.index() + 1) + stage, false);
    }

    /**
     * Moves the job on: once every variant has trained, submits the task that chooses among them.
     *
     * @return the job's output once it has one
     * @throws InterruptedException if interrupted while collecting a finished stage
     */
    Optional<FoldOutput> poll() throws InterruptedException {
        if (whole == null && variants.stream().allMatch(JavaFutureAction::isDone)) {
            List<VariantOutput> outputs = new ArrayList<>();
            for (JavaFutureAction<List<VariantOutput>> v : variants) {
                try {
                    outputs.add(v.get().get(0));
                } catch (ExecutionException e) {
                    return Optional.of(sparkFailure(e.getCause()));
                }
            }
            variants.clear();
            trained = sc.broadcast(outputs);
            describe(" choosing among " + outputs.size() + " variants");
            whole = sc.parallelize(List.of(job), 1).map(FoldTask.fromVariants(shipped, split, trained)).collectAsync();
        }
        if (whole == null || !whole.isDone()) {
            return Optional.empty();
        }
        try {
            return Optional.of(whole.get().get(0));
        } catch (ExecutionException e) {
            return Optional.of(sparkFailure(e.getCause()));
        } finally {
            if (trained != null) {
                trained.destroy();
                trained = null;
            }
        }
    }

    /** Spark gave up on a task: the fold fails, naming Spark's reason. */
    private FoldOutput sparkFailure(Throwable e) {
        return FoldOutput.failed(FoldResult.failed(trainer, split.index(),
                trainer + " failed on fold " + (split.index() + 1) + ": Spark could not run its task: " + rootMessage(e)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // Spark's message holds the remote stack trace; its first line names the task and the cause.
        String first = message.lines().findFirst().orElse(message);
        return root == e ? first : first + " (" + root + ")";
    }
}
