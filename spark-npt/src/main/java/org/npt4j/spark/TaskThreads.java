package org.npt4j.spark;

import java.util.List;
import java.util.Optional;
import org.npt4j.experiments.TrainerThreads;
import org.tribuo.Trainer;

/**
 * How many cores a job's Spark task needs: the largest thread count its trainers are configured with
 * (NPT's {@code threads}, XGBoost's {@code nThread}, ...). PyTorch's and XGBoost's thread pools do
 * not know about Spark: a training that runs more threads than its task was given shares cores with
 * the executor's other tasks, and both slow down several-fold. So each task is given
 * ({@code spark.task.cpus}) exactly the cores its trainers use, and a trainer configured to take
 * every core of the machine (a count of 0) is refused.
 */
final class TaskThreads {

    private TaskThreads() {}

    /**
     * @param trainers the experiment's trainers
     * @param names their display names
     * @return the cores a task needs: the largest configured count, 1 when no trainer has a count
     * @throws IllegalArgumentException if a trainer is configured to use every core of the machine
     */
    static int needed(List<Trainer<?>> trainers, List<String> names) {
        int most = 1;
        for (int t = 0; t < trainers.size(); t++) {
            Optional<TrainerThreads.Count> count = TrainerThreads.of(trainers.get(t));
            if (count.isEmpty()) {
                continue;
            }
            if (count.get().value() == 0) {
                throw new IllegalArgumentException("trainer '" + names.get(t) + "' has " + count.get()
                        + ", which takes every core of the machine it runs on; a Spark task gets spark.task.cpus cores, so give "
                        + "the trainers a thread count (in the shipped configs, --@threads N sets all of them)");
            }
            most = Math.max(most, count.get().value());
        }
        return most;
    }

    /**
     * @param trainers the experiment's trainers
     * @param names their display names
     * @param cpus the cores Spark gave the task
     * @throws IllegalStateException if a trainer would run more threads than the task has cores
     */
    static void check(List<Trainer<?>> trainers, List<String> names, int cpus) {
        int needed = needed(trainers, names);
        if (needed > cpus) {
            throw new IllegalStateException("the trainers run up to " + needed + " threads but this Spark task was given "
                    + cpus + " (spark.task.cpus); they would share cores with the executor's other tasks");
        }
    }
}
