package org.npt4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npt4j.experiments.protocol.KFoldProtocol;
import org.npt4j.experiments.protocol.PaperProtocol;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.CorrectedTTest;
import org.npt4j.experiments.score.CorrectedTTest.Outcome;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

class SignificanceTest {

    @Test
    void theBaseIsTheNptTrainerTheFirstOfSeveralOrElseTheFirstTrainer() {
        assertEquals(new Significance.Base("npt", "the NPT trainer"),
                Significance.Base.choose(List.of("xgboost", "npt", "cart"), List.of("npt")));
        assertEquals(new Significance.Base("npt-b", "the first of the NPT trainers npt-b, npt-a"),
                Significance.Base.choose(List.of("cart", "npt-b", "npt-a"), List.of("npt-a", "npt-b")),
                "first in display order, as in the table");
        assertEquals(new Significance.Base("cart", "the first trainer, as the experiment has no NPT trainer"),
                Significance.Base.choose(List.of("cart", "xgboost"), List.of()));
    }

    @Test
    void theTestTrainRatioComesFromTheFoldSizes() {
        // 23 rows in 5 folds: folds of 4 and 5 rows, yet the ratio over all folds is exactly 1/(k - 1).
        assertEquals(0.25, Significance.testTrainRatio(new KFoldProtocol(5, 7).splits(23, null)), 1e-12);
        assertEquals(1.0 / 9, Significance.testTrainRatio(new PaperProtocol(10, 0.1, 0.2, 42).splits(100, null)), 1e-12,
                "validation rows inform the models too, so they count as training rows");
    }

    @Test
    void foldsArePairedByIndexLeavingOutFailedFoldsAndMissingValues() {
        List<FoldResult> results = new ArrayList<>();
        double[] npt = {0.80, 0.82, 0.78, 0.81, 0.79};
        double[] better = {0.90, 0.91, 0.89, 0.92, 0.90};
        for (int f = 0; f < 5; f++) {
            results.add(accuracy("npt", f, npt[f]));
            // In another order: pairing is by fold, not by position.
            results.add(0, accuracy("better", f, better[f]));
            results.add(f == 2 ? FoldResult.failed("gappy", f, "boom") : accuracy("gappy", f, f == 4 ? Double.NaN : better[f]));
            results.add(accuracy("lone", f, f == 0 ? 0.5 : Double.NaN));
        }
        Significance s = new Significance(results, List.of("npt", "better", "gappy", "lone"), List.of(Metric.ACCURACY),
                new Significance.Base("npt", "the NPT trainer"), 0.25, 0.05);
        CorrectedTTest.Result expected = new CorrectedTTest(0.05).compare(better, npt, 0.25, Metric.ACCURACY);
        assertEquals(expected, s.get("better", Metric.ACCURACY));
        assertEquals(Outcome.WIN, expected.outcome());
        assertEquals(3, s.get("gappy", Metric.ACCURACY).pairs(), "fold 2 failed and fold 4 has no value");
        assertEquals(new CorrectedTTest(0.05).compare(new double[] {0.90, 0.91, 0.92}, new double[] {0.80, 0.82, 0.81}, 0.25,
                Metric.ACCURACY), s.get("gappy", Metric.ACCURACY));
        assertEquals(Outcome.UNTESTED, s.get("lone", Metric.ACCURACY).outcome());

        assertEquals("v", s.mark("better", Metric.ACCURACY));
        assertEquals("", s.mark("lone", Metric.ACCURACY));
        assertEquals("", s.mark("npt", Metric.ACCURACY));
        assertEquals("(1/0/0)", s.counts("better", List.of(Metric.ACCURACY)));
        assertEquals("(0/0/0)", s.counts("lone", List.of(Metric.ACCURACY)), "an untested metric is not counted");
        assertEquals(List.of("better", "gappy", "lone"), s.compared());
        assertThrows(IllegalArgumentException.class, () -> s.get("npt", Metric.ACCURACY));
    }

    @Test
    void aBaseThatIsNotATrainerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Significance(List.of(), List.of("cart"), List.of(Metric.RMSE),
                new Significance.Base("npt", "the NPT trainer"), 0.25, 0.05));
    }

    private static FoldResult accuracy(String trainer, int fold, double value) {
        return new FoldResult(trainer, fold, Map.of(Metric.ACCURACY, value), "");
    }

    @Test
    void repeatedFoldsPairByRepeatAndFoldWithTheOneRepetitionsRatio() {
        // 5 × 2-fold: 10 folds, numbered across repetitions, every one paired; n_test/n_train stays 1/(k - 1) = 1.
        List<Split> splits = new KFoldProtocol(2, 5, 3).splits(40, null);
        assertEquals(1.0, Significance.testTrainRatio(splits), 1e-12);
        List<FoldResult> results = new ArrayList<>();
        double[] noise = {0.01, -0.02, 0.015, 0.0, -0.01, 0.02, -0.015, 0.005, 0.01, -0.005};
        for (Split s : splits) {
            results.add(new FoldResult("npt", s.index(), Map.of(Metric.RMSE, 3.0), "p"));
            results.add(new FoldResult("cart", s.index(), Map.of(Metric.RMSE, 3.1 + noise[s.index()]), "p"));
        }
        Significance sig = new Significance(results, List.of("npt", "cart"), List.of(Metric.RMSE),
                Significance.Base.choose(List.of("npt", "cart"), List.of("npt")), Significance.testTrainRatio(splits), 0.05);
        CorrectedTTest.Result r = sig.get("cart", Metric.RMSE);
        assertEquals(10, r.pairs(), "n = r·k");
        double[] d = Arrays.stream(noise).map(v -> 0.1 + v).toArray();
        CorrectedTTest.Result expected = new CorrectedTTest(0.05).test(d, 1.0, false);
        assertEquals(expected.t(), r.t(), 1e-9, "variance scaled by 1/(r·k) + n_test/n_train");
        assertEquals(expected.p(), r.p(), 1e-12);
    }
}
