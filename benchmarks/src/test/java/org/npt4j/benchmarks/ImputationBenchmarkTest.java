package org.npt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/** The imputation benchmark's parts that need no training: the removal draw, the baselines and the scores. */
class ImputationBenchmarkTest {

    @Test
    void removalTakesExactlyTheShareOfCellsAndNothingElse() {
        Table boston = ImputationBenchmark.dataset("boston");
        assertFalse(boston.hasColumn("MEDV"), "the target is dropped");
        Table holed = ImputationBenchmark.removeAtRandom(boston, 0.3, 1);
        int missing = 0;
        for (int j = 0; j < boston.columnCount(); j++) {
            for (int i = 0; i < boston.rowCount(); i++) {
                if (holed.column(j).isMissing(i)) {
                    missing++;
                } else {
                    assertEquals(boston.column(j).valueAsString(i), holed.column(j).valueAsString(i));
                }
            }
        }
        assertEquals(Math.round(0.3 * boston.rowCount() * boston.columnCount()), missing);
        assertEquals(holed, ImputationBenchmark.removeAtRandom(boston, 0.3, 1), "seeded");
    }

    @Test
    void nearestNeighboursFillFromTheRowsClosestOnTheSharedColumns() {
        // Rows 0-2 sit near a = 0, rows 3-5 near a = 10; b follows a, c is the cluster's label.
        Table t = Table.builder()
                .numeric("a", new double[] {0, 0.1, 0.2, 10, 10.1, 10.2, 0.05, 10.05})
                .numeric("b", new double[] {1, 1, 1, 5, 6, 7, Double.NaN, Double.NaN})
                .categorical("c", new String[] {"x", "x", "y", "z", "z", "y", null, null}).build();
        Table filled = new KnnImputer(3).impute(t);
        assertEquals(1.0, ((NumericColumn) filled.column("b")).get(6), 1e-12);
        assertEquals(6.0, ((NumericColumn) filled.column("b")).get(7), 1e-12);
        assertEquals("x", ((CategoricalColumn) filled.column("c")).get(6));
        assertEquals("z", ((CategoricalColumn) filled.column("c")).get(7));
        assertEquals(t.column("a"), filled.column("a"));
    }

    @Test
    void meanAndModeFillAndTheScoresCompareWithTheTruth() {
        Table truth = Table.builder().numeric("a", new double[] {1, 2, 3, 6}).categorical("c", new String[] {"p", "p", "q", "q"}).build();
        Table holed = Table.builder().numeric("a", new double[] {1, 2, 3, Double.NaN})
                .categorical("c", new String[] {"p", "p", "q", null}).build();
        Table filled = ImputationBenchmark.meanOrMode(holed);
        assertEquals(2.0, ((NumericColumn) filled.column("a")).get(3));
        assertEquals("p", ((CategoricalColumn) filled.column("c")).get(3));
        ImputationBenchmark.Score s = ImputationBenchmark.score(truth, holed, filled, 0);
        double std = Math.sqrt((4 + 1 + 0 + 9) / 4.0);
        assertEquals(4 / std, s.standardisedRmse(), 1e-12);
        assertEquals(1, s.numericColumns());
        assertEquals(0.0, s.accuracy());
        assertEquals(1, s.categoricalCells());
        assertEquals(List.of("a", "c"), filled.columnNames());
    }
}
