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

    private static FoldResult result(String trainer, double accuracy, double logLoss) {
        Map<Metric, Double> scores = new LinkedHashMap<>();
        scores.put(Metric.ACCURACY, accuracy);
        scores.put(Metric.LOG_LOSS, logLoss);
        return new FoldResult(trainer, 0, scores, "");
    }
}
