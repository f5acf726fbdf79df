package org.npt4j.experiments.score;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trainer's result on one fold: its scores, or why it has none.
 *
 * @param trainer the trainer's component name
 * @param fold the fold's index
 * @param scores quality metrics and timings, in display order; empty for a failed fold
 * @param provenanceFile the model provenance written for this fold, relative to the output folder; empty for a failed fold
 * @param failure why the trainer failed on this fold (naming the trainer, the fold and the phase), or null if it did not
 */
public record FoldResult(String trainer, int fold, Map<Metric, Double> scores, String provenanceFile, String failure)
        implements Serializable {

    private static final long serialVersionUID = 1L;


    /** Copies the scores, in their order, so that a result cannot change after it is recorded. */
    public FoldResult {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /**
     * A fold the trainer finished.
     *
     * @param trainer the trainer's component name
     * @param fold the fold's index
     * @param scores quality metrics and timings, in display order
     * @param provenanceFile the model provenance written for this fold, relative to the output folder
     */
    public FoldResult(String trainer, int fold, Map<Metric, Double> scores, String provenanceFile) {
        this(trainer, fold, scores, provenanceFile, null);
    }

    /**
     * @param trainer the trainer's component name
     * @param fold the fold's index
     * @param message what went wrong, naming the trainer, the fold and the phase
     * @return a fold on which the trainer failed: no scores, no provenance
     */
    public static FoldResult failed(String trainer, int fold, String message) {
        return new FoldResult(trainer, fold, Map.of(), "", message);
    }

    /** @return whether the trainer finished this fold */
    public boolean ok() {
        return failure == null;
    }

    /**
     * @param metric a metric
     * @return its value on this fold, NaN if the trainer's model cannot give it or the trainer failed
     */
    public double get(Metric metric) {
        return scores.getOrDefault(metric, Double.NaN);
    }
}
