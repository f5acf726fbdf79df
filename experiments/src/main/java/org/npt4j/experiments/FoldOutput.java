package org.npt4j.experiments;

import java.io.Serializable;
import org.npt4j.experiments.score.FoldResult;

/**
 * What one (split, trainer) gave: its result line and, for a finished one, the texts of the two files
 * written beside it. Texts rather than files so that a job run in another JVM writes nothing there: the
 * run's JVM writes every file, into one folder, exactly as an in-process run does.
 *
 * @param result the scores, or why the trainer failed
 * @param provenanceJson the model's provenance as JSON; empty for a failed job
 * @param predictionsCsv the test rows' predictions as CSV; empty for a failed job
 */
public record FoldOutput(FoldResult result, String provenanceJson, String predictionsCsv) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @param result a failed result
     * @return the output of a failed job: no files
     */
    public static FoldOutput failed(FoldResult result) {
        if (result.ok()) {
            throw new IllegalArgumentException("not a failure: " + result);
        }
        return new FoldOutput(result, "", "");
    }
}
