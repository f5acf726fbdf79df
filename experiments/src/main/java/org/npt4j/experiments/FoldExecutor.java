package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import java.io.IOException;
import java.util.List;

/**
 * Runs a data set's (split, trainer) jobs and hands each job's output back to the run, which writes its
 * files and its line of {@code folds.csv}. Which executor runs them is configuration: the experiment's
 * {@code executor}, {@link InProcessExecutor} unless set; the shipped configurations name it in the
 * global property {@code executor}, so {@code --@executor spark} selects {@link SparkExecutor}, whose jobs the
 * {@code spark-npt} module runs. Results must not depend on the executor: every job trains what
 * {@link FoldWork} trains for it.
 */
public interface FoldExecutor extends Configurable {

    /** Receives each job's output, on the thread that called {@link #run}. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param output a job's output
         * @throws IOException if its files or its line cannot be written
         */
        void accept(FoldOutput output) throws IOException;
    }

    /**
     * Checks, before the run makes its folder, that this executor can run the experiment's trainers, and
     * connects to what runs them; a misfit fails here, naming the fix, rather than after the first jobs.
     *
     * @param experiment the experiment
     * @param names the trainers' display names, aligned with {@link Experiment#trainers()}
     * @throws IllegalArgumentException if the executor cannot run the trainers as configured
     */
    default void prepare(Experiment experiment, List<String> names) {}

    /**
     * Runs every job of the batch, handing each output to {@code sink} as soon as it is known, so that a
     * run stopped part-way keeps what finished. A job whose trainer fails gives a failed result; a job
     * the executor itself cannot run (a lost machine that retries did not replace) also gives a failed
     * result, naming why, rather than ending the run.
     *
     * @param batch the jobs and what they run on
     * @param sink where outputs go
     * @throws IOException if the sink cannot write an output
     */
    void run(FoldBatch batch, Sink sink) throws IOException;

    /** @return where the jobs run, in a few words, for the run's header */
    String describe();

    /** Releases what {@link #run} started (a cluster connection); the run calls it once, at its end. */
    default void close() {}
}
