package org.npt4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * Three made-up data sets of five folds: XGBoost clearly beats NPT on "a", clearly loses on "b" and
 * ties on "c" (on RMSE), so its (v/ /*) count over data sets is (1/1/1).
 */
class AcrossDatasetsTest {

    private static final List<String> TRAINERS = List.of("npt", "xgboost");
    private static final List<Metric> QUALITY = List.of(Metric.RMSE);
    private static final double[] NOISE = {0.02, -0.03, 0.01, 0.0, -0.01};
    private static final double[] WIDE = {0.5, -0.6, 0.4, -0.3, 0.1};

    @TempDir
    Path dir;

    private static AcrossDatasets.DataSet set(String name, double shift, double[] noise) {
        List<FoldResult> results = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            results.add(new FoldResult("npt", f, Map.of(Metric.RMSE, 3.0 + 0.1 * f), "p"));
            results.add(new FoldResult("xgboost", f, Map.of(Metric.RMSE, 3.0 + 0.1 * f + shift + noise[f]), "p"));
        }
        Summary summary = new Summary(results, TRAINERS, QUALITY);
        Significance significance = new Significance(results, TRAINERS, QUALITY,
                Significance.Base.choose(TRAINERS, List.of("npt")), 0.25, 0.05);
        return new AcrossDatasets.DataSet(name, name + ".csv (25 rows)", summary, significance);
    }

    private static AcrossDatasets across() {
        return new AcrossDatasets("made up", "3 data sets, 5-fold cross-validation",
                List.of(set("a", -0.5, NOISE), set("b", 0.5, NOISE), set("c", 0.0, WIDE)), QUALITY,
                Map.of("npt", "learns from train", "xgboost", "learns from train"));
    }

    @Test
    void eachCellCarriesItsDataSetsMarkAndTheLastRowCountsOverDataSets() {
        AcrossDatasets across = across();
        assertEquals("(1/1/1)", across.counts("xgboost", Metric.RMSE));
        List<String> lines = across.text().lines().toList();
        assertTrue(lines.get(0).matches("RMSE ↓\\s+npt\\s+xgboost"), lines.get(0));
        assertTrue(lines.get(2).matches("a\\s+3\\.200 ± 0\\.071\\s+\\^2\\.\\d+ ± 0\\.\\d+ v"), lines.get(2));
        assertTrue(lines.get(3).matches("b\\s+\\^3\\.200 ± 0\\.071\\s+3\\.\\d+ ± 0\\.\\d+ \\*"), lines.get(3));
        assertTrue(lines.get(4).matches("c\\s+\\^3\\.200 ± 0\\.071\\s+3\\.2\\d+ ± 0\\.\\d+\\s*"), lines.get(4));
        assertTrue(lines.get(5).matches("\\(v/ /\\*\\)\\s+base\\s+\\(1/1/1\\)\\s*"), lines.get(5));
    }

    @Test
    void filesHoldADataSetColumnTheTablesAndAChartPerQualityMetric() throws IOException {
        across().write(dir);
        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals("dataset,trainer,rmse_mean,rmse_se,folds,rmse_t,rmse_p,rmse_outcome", csv.get(0));
        assertEquals(1 + 3 * 2, csv.size());
        assertTrue(csv.get(1).startsWith("a,npt,3.2") && csv.get(1).endsWith(",5,,,base"), csv.get(1));
        assertTrue(csv.get(2).startsWith("a,xgboost,") && csv.get(2).endsWith(",win"), csv.get(2));
        assertTrue(csv.get(4).endsWith(",loss") && csv.get(6).endsWith(",tie"), csv.toString());
        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.startsWith("# made up\n\n3 data sets, 5-fold cross-validation.\n"), md);
        assertTrue(md.lines().anyMatch(l -> l.matches("\\| b \\| 3\\.200 ± 0\\.071 \\| 3\\.\\d+ ± 0\\.\\d+ \\* \\|")), md);
        assertTrue(md.contains("| (v/ /*) | base | (1/1/1) |"), md);
        assertTrue(Files.size(dir.resolve(AcrossDatasets.chartFile(Metric.RMSE))) > 0);
    }

    @Test
    void dataSetsMustShareTrainersAndMetrics() {
        AcrossDatasets.DataSet a = set("a", 0, NOISE);
        List<FoldResult> other = List.of(new FoldResult("npt", 0, Map.of(Metric.MAE, 1.0), "p"));
        AcrossDatasets.DataSet b = new AcrossDatasets.DataSet("b", "b", new Summary(other, List.of("npt"), List.of(Metric.MAE)),
                new Significance(other, List.of("npt"), List.of(Metric.MAE), Significance.Base.choose(List.of("npt"), List.of("npt")),
                        0.25, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new AcrossDatasets("x", "y", List.of(a, b), QUALITY, Map.of()));
    }
}
