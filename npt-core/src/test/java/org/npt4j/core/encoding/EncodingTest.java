package org.npt4j.core.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** Reference preprocessing: which rows each statistic comes from. */
class EncodingTest {

    private static final Table T = Table.builder()
            .numeric("x", new double[] {0, 2, Double.NaN, 4, 10})
            .categorical("c", new String[] {"b", "a", "c", null, "d"})
            .numeric("y", new double[] {1, 3, 5, 100, -100})
            .categorical("k", new String[] {"p", "q", "r", "s", "t"})
            .build();
    private static final RowRole[] ROLES = {RowRole.TRAIN, RowRole.TRAIN, RowRole.VALIDATION, RowRole.TEST, RowRole.TEST};

    @Test
    void featuresUseEveryRowTargetsUseTrainingRowsAndTargetCategoriesLabelledRows() {
        TableSchema s = SchemaFitter.fit(T, List.of("y", "k"), ROLES);
        NumericalEncoder x = (NumericalEncoder) s.column(0).encoder();
        assertEquals(4.0, x.mean(), 1e-12);
        assertEquals(Math.sqrt((16 + 4 + 0 + 36) / 4.0), x.std(), 1e-12, "population std over observed cells of all rows");
        assertEquals(List.of("a", "b", "c", "d"), ((CategoricalEncoder) s.column(1).encoder()).categories());
        NumericalEncoder y = (NumericalEncoder) s.column(2).encoder();
        assertEquals(2.0, y.mean(), 1e-12, "target mean from training rows only");
        assertEquals(1.0, y.std(), 1e-12);
        assertEquals(List.of("p", "q", "r"), ((CategoricalEncoder) s.column(3).encoder()).categories(),
                "test labels never become categories");
        assertEquals(List.of("y", "k"), s.targetNames());
    }

    @Test
    void encodedCellsAreStandardisedValuesAndClassIndices() {
        TableSchema s = SchemaFitter.fit(T, List.of("y"), ROLES);
        EncodedTable e = TableEncoder.encode(T, s, true);
        assertEquals(-4.0 / Math.sqrt(14), e.cell(0, 0), 1e-6);
        assertTrue(e.isMissing(0, 2));
        assertEquals(1f, e.cell(1, 0));
        assertTrue(e.isMissing(1, 3));
        EncodedTable hidden = e.withTargetsHidden(new boolean[] {false, false, false, true, true});
        assertTrue(hidden.isMissing(2, 3) && hidden.isMissing(2, 4));
        assertEquals(e.cell(0, 3), hidden.cell(0, 3), "features of hidden rows stay");
    }

    @Test
    void constantColumnsEncodeToZero() {
        assertEquals(new NumericalEncoder(3, 1), NumericalEncoder.fit(new double[] {3, 3, 3}, new int[] {0, 1, 2}));
        assertEquals(new NumericalEncoder(0, 1), NumericalEncoder.fit(new double[] {Double.NaN}, new int[] {0}));
    }

    @Test
    void weightedRowsShapeTargetStatisticsAsCopiesWouldAndEqualWeightsAreDropped() {
        Table twoCopies = Table.builder().numeric("x", new double[] {0, 1, 2, 2}).numeric("y", new double[] {1, 3, 7, 7}).build();
        Table weighted = Table.builder().numeric("x", new double[] {0, 1, 2}).numeric("y", new double[] {1, 3, 7}).build()
                .withRowWeights(new double[] {1, 1, 2});
        NumericalEncoder copied = (NumericalEncoder) SchemaFitter.fit(twoCopies, List.of("y"), roles(4)).column(1).encoder();
        NumericalEncoder y = (NumericalEncoder) SchemaFitter.fit(weighted, List.of("y"), roles(3)).column(1).encoder();
        assertEquals(copied.mean(), y.mean(), 1e-12);
        assertEquals(copied.std(), y.std(), 1e-12);
        NumericalEncoder x = (NumericalEncoder) SchemaFitter.fit(weighted, List.of("y"), roles(3)).column(0).encoder();
        assertEquals(1.0, x.mean(), 1e-12, "feature statistics stay unweighted");

        assertArrayEquals(new float[] {0.5f, 0.5f, 1f}, TableEncoder.lossWeights(weighted));
        assertNull(TableEncoder.lossWeights(weighted.withRowWeights(new double[] {4, 4, 4})));
        assertNull(TableEncoder.lossWeights(weighted.withoutRowWeights()));
    }

    private static RowRole[] roles(int n) {
        return org.npt4j.core.table.RowRoles.filled(n, RowRole.TRAIN);
    }
}
