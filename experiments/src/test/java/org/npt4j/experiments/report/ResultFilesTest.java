package org.npt4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.CorrectedTTest;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * The significance marks in the printed table, {@code summary.md} and {@code summary.csv}, on fold
 * results made up so that XGBoost is clearly better than NPT on RMSE, CART clearly worse, and
 * neither differs on MAE; CART has no R² at all.
 */
class ResultFilesTest {

    private static final int FOLDS = 5;
    private static final List<String> TRAINERS = List.of("npt", "xgboost", "cart");
    private static final List<Metric> QUALITY = List.of(Metric.RMSE, Metric.MAE, Metric.R2);

    @TempDir
    Path dir;

    private ResultFiles files;
    private Significance significance;

    @BeforeEach
    void write() throws IOException {
        double[] nptRmse = {3.0, 3.2, 2.9, 3.1, 3.0};
        double[] noise = {0.02, -0.03, 0.01, 0.0, -0.01};
        double[] mae = {2.0, 2.1, 1.9, 2.2, 2.0};
        double[] maeNoise = {0.2, -0.3, 0.25, -0.1, -0.05};
        List<FoldResult> results = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            results.add(result("npt", f, nptRmse[f], mae[f], 0.7, 40));
            results.add(result("xgboost", f, nptRmse[f] - 0.5 + noise[f], mae[f] + maeNoise[f], 0.75, 0.5));
            results.add(result("cart", f, nptRmse[f] + 1.0 - noise[f], mae[f] - maeNoise[f], Double.NaN, 0.1));
        }
        List<Metric> metrics = new ArrayList<>(QUALITY);
        metrics.add(Metric.TRAIN_SECONDS);
        Summary summary = new Summary(results, TRAINERS, metrics);
        List<Split> splits = fiveFolds();
        significance = new Significance(results, TRAINERS, metrics, Significance.Base.choose(TRAINERS, List.of("npt")),
                Significance.testTrainRatio(splits), 0.05);
        Map<String, String> given = new LinkedHashMap<>();
        TRAINERS.forEach(t -> given.put(t, "learns from train"));
        files = new ResultFiles(dir, "made up", "25 rows, 5-fold cross-validation", summary, significance, QUALITY, given);
        files.write(splits, 25);
    }

    @Test
    void thePrintedTableMarksWinsAndLossesAgainstNptAndCountsThem() {
        String table = files.textTable();
        List<String> lines = table.lines().toList();
        String npt = row(lines, "npt");
        String xgboost = row(lines, "xgboost");
        String cart = row(lines, "cart");
        // RMSE, MAE, R2, train s: the second column is MAE, where nobody differs from NPT.
        assertEquals(List.of("v", "", "v", "v"), marks(xgboost), xgboost);
        assertEquals(List.of("*", "", "", "v"), marks(cart), "cart has no R2 to test: " + cart);
        assertEquals(List.of("", "", "", ""), marks(npt), npt);
        assertTrue(xgboost.contains("^2."), "the best RMSE is marked with ^, not Weka's *: " + xgboost);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\(v/ /\\*\\) against npt\\s+quality\\s+timings")), table);
        assertTrue(lines.stream().anyMatch(l -> l.matches("xgboost\\s+\\(2/1/0\\)\\s+\\(1/0/0\\)")), table);
        assertTrue(lines.stream().anyMatch(l -> l.matches("cart\\s+\\(0/1/1\\)\\s+\\(1/0/0\\)")), table);
        assertTrue(table.contains("Significance: each trainer against npt (the base: the NPT trainer), by the corrected "
                + "resampled t-test (Nadeau and Bengio 2003"), table);
        assertTrue(table.contains("two-sided at the 0.05 level, n_test/n_train = 0.250."), table);
        assertTrue(table.contains("no test where fewer than 2 folds pair up"), table);
    }

    @Test
    void summaryMdCarriesTheMarksTheCountsAndTheLegend() throws IOException {
        String md = Files.readString(dir.resolve("summary.md"));
        String xgboost = md.lines().filter(l -> l.startsWith("| xgboost |")).findFirst().orElseThrow();
        List<String> cells = List.of(xgboost.split(" \\| "));
        assertTrue(cells.get(1).endsWith(" v") && !cells.get(2).endsWith(" v") && !cells.get(2).endsWith(" *"), xgboost);
        String cart = md.lines().filter(l -> l.startsWith("| cart |")).findFirst().orElseThrow();
        assertTrue(cart.split(" \\| ")[1].endsWith(" *"), cart);
        assertTrue(md.contains("| (v/ /*) against npt | quality | timings |\n|---|---:|---:|\n| xgboost | (2/1/0) | (1/0/0) |\n"
                + "| cart | (0/1/1) | (1/0/0) |\n"), md);
        assertTrue(md.contains("`v`: significantly better than npt, `*`: significantly worse"), md);
        assertTrue(md.contains("\n\nWhat each trainer was given:\n\n- npt: learns from train\n"), md);
    }

    @Test
    void summaryCsvAppendsTheStatisticThePValueAndTheOutcomePerMetric() throws IOException {
        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals("trainer,rmse_mean,rmse_se,mae_mean,mae_se,r2_mean,r2_se,train_s_mean,train_s_se,folds,"
                + "rmse_t,rmse_p,rmse_outcome,mae_t,mae_p,mae_outcome,r2_t,r2_p,r2_outcome,train_s_t,train_s_p,train_s_outcome",
                csv.get(0), "the original columns stay in place, the test's come after them");
        List<String> npt = Csv.parse(csv.get(1));
        assertEquals("5", npt.get(9));
        assertEquals(List.of("", "", "base", "", "", "base", "", "", "base", "", "", "base"), npt.subList(10, 22));
        List<String> xgboost = Csv.parse(csv.get(2));
        CorrectedTTest.Result rmse = significance.get("xgboost", Metric.RMSE);
        assertEquals(List.of(Double.toString(rmse.t()), Double.toString(rmse.p()), "win"), xgboost.subList(10, 13));
        assertTrue(rmse.t() < 0 && rmse.p() < 0.05, "a lower RMSE: " + rmse);
        assertEquals("tie", xgboost.get(15));
        List<String> cart = Csv.parse(csv.get(3));
        assertEquals("loss", cart.get(12));
        assertEquals(List.of("", "", "untested"), cart.subList(16, 19), "cart has no R2");
        assertEquals("win", cart.get(21), "cart trains faster");
    }

    /** The table row of a trainer. */
    private static String row(List<String> lines, String trainer) {
        return lines.stream().filter(l -> l.startsWith(trainer + " ")).findFirst().orElseThrow();
    }

    /**
     * Each metric cell's significance mark: the cell's last character, the cells located by the runs
     * of dashes under the header.
     */
    private List<String> marks(String row) {
        String rule = files.textTable().lines().filter(l -> l.startsWith("---")).findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        Matcher dashes = Pattern.compile("-+").matcher(rule);
        dashes.find(); // the trainer column
        while (dashes.find()) {
            char last = row.charAt(dashes.end() - 1);
            out.add(last == ' ' ? "" : String.valueOf(last));
        }
        return out;
    }

    private static FoldResult result(String trainer, int fold, double rmse, double mae, double r2, double seconds) {
        Map<Metric, Double> scores = new LinkedHashMap<>();
        scores.put(Metric.RMSE, rmse);
        scores.put(Metric.MAE, mae);
        scores.put(Metric.R2, r2);
        scores.put(Metric.TRAIN_SECONDS, seconds + 0.01 * fold);
        return new FoldResult(trainer, fold, scores, "");
    }

    /** Five folds of 25 rows, five test rows each. */
    private static List<Split> fiveFolds() {
        List<Split> out = new ArrayList<>();
        for (int g = 0; g < FOLDS; g++) {
            int first = 5 * g;
            out.add(new Split(g, IntStream.range(0, 25).filter(r -> r < first || r >= first + 5).toArray(), new int[0],
                    IntStream.range(first, first + 5).toArray()));
        }
        return out;
    }
}
