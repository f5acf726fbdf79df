package org.npt4j.experiments.score;

import java.util.Map;

/**
 * One trainer's result on one fold.
 *
 * @param trainer the trainer's component name
 * @param fold the fold's index
 * @param scores quality metrics and timings, in display order
 * @param provenanceFile the model provenance written for this fold, relative to the output folder
 */
public record FoldResult(String trainer, int fold, Map<Metric, Double> scores, String provenanceFile) {

    /**
     * @param metric a metric
     * @return its value on this fold, NaN if the trainer's model cannot give it
     */
    public double get(Metric metric) {
        return scores.getOrDefault(metric, Double.NaN);
    }
}
