package org.npt4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

class SummaryTest {

    @Test
    void meanAndStandardErrorOverFolds() {
        Summary.Stat s = Summary.stat(new double[] {1, 2, 3, 4});
        assertEquals(2.5, s.mean(), 1e-12);
        // sample sd sqrt(5/3), over sqrt(4)
        assertEquals(Math.sqrt(5.0 / 3) / 2, s.standardError(), 1e-12);
        assertEquals("2.500 ± 0.65", s.format());
    }

    @Test
    void bestFollowsTheMetricsDirectionAndSkipsMissingValues() {
        List<FoldResult> results = List.of(result("a", 0.9, 0.30), result("b", 0.8, 0.20), result("c", Double.NaN, 0.25));
        Summary summary = new Summary(results, List.of("a", "b", "c"), List.of(Metric.ACCURACY, Metric.LOG_LOSS));
        assertEquals("a", summary.best(Metric.ACCURACY));
        assertEquals("b", summary.best(Metric.LOG_LOSS));
        assertEquals(0, summary.get("c", Metric.ACCURACY).n());
        assertEquals("n/a", summary.get("c", Metric.ACCURACY).format());
    }

    @Test
    void aTrainerThatFailedOnSomeFoldIsNeitherAveragedOverItNorMarkedBest() {
        List<FoldResult> results = List.of(result("a", 0.9, 0.3), result("b", 0.8, 0.2), FoldResult.failed("a", 1, "boom"),
                new FoldResult("b", 1, Map.of(Metric.ACCURACY, 0.7, Metric.LOG_LOSS, 0.4), ""));
        Summary summary = new Summary(results, List.of("a", "b"), List.of(Metric.ACCURACY, Metric.LOG_LOSS));
        assertEquals(1, summary.get("a", Metric.ACCURACY).n());
        assertEquals(0.9, summary.get("a", Metric.ACCURACY).mean(), 1e-12);
        assertEquals("b", summary.best(Metric.ACCURACY), "a's higher mean is over one fold of two");
        assertEquals(List.of(new Summary.Failure("a", List.of(1), 2, "boom")), summary.failures());
        assertEquals("a failed on fold 2; its means are over 1 of 2 folds. First error: boom", summary.failures().get(0).describe());
    }

    private static FoldResult result(String trainer, double accuracy, double logLoss) {
        Map<Metric, Double> scores = new LinkedHashMap<>();
        scores.put(Metric.ACCURACY, accuracy);
        scores.put(Metric.LOG_LOSS, logLoss);
        return new FoldResult(trainer, 0, scores, "");
    }
}
