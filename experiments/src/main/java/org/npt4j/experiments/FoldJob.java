package org.npt4j.experiments;

import java.io.Serializable;

/**
 * One (split, trainer) of one data set: the unit of work a {@link FoldExecutor} runs. Plain indices,
 * so that a job travels to another JVM and means the same there: the configuration that the job is
 * run against ({@link ExperimentRecipe}) rebuilds the same data sets, splits and trainers.
 *
 * @param source the data set's index in {@link Experiment#sources()}
 * @param split the split's index in {@link Experiment#splits(TableSource)}
 * @param trainer the trainer's index in {@link Experiment#trainers()}
 */
public record FoldJob(int source, int split, int trainer) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Refuses negative indices. */
    public FoldJob {
        if (source < 0 || split < 0 || trainer < 0) {
            throw new IllegalArgumentException("negative index in " + source + "/" + split + "/" + trainer);
        }
    }
}
