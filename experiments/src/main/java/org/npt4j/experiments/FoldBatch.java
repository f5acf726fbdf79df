package org.npt4j.experiments;

import java.util.List;
import org.npt4j.experiments.progress.ProgressDisplay;
import org.npt4j.experiments.protocol.Split;

/**
 * The jobs of one data set that a {@link FoldExecutor} is to run, with what they run on.
 *
 * @param experiment the experiment
 * @param work trains and scores a job in this JVM
 * @param splits the data set's splits, indexed by {@link FoldJob#split()}
 * @param names the trainers' display names, indexed by {@link FoldJob#trainer()}
 * @param jobs the jobs to run, split by split, trainers in configuration order
 * @param display where progress goes; called from the run's thread only
 * @param recipe what another JVM needs to rebuild the experiment; null when the run was not loaded from
 *     a configuration (an executor that runs jobs elsewhere then refuses)
 */
public record FoldBatch(Experiment experiment, FoldWork work, List<Split> splits, List<String> names, List<FoldJob> jobs,
        ProgressDisplay display, ExperimentRecipe recipe) {

    /** Copies the lists. */
    public FoldBatch {
        splits = List.copyOf(splits);
        names = List.copyOf(names);
        jobs = List.copyOf(jobs);
    }
}
