package org.npt4j.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.npt4j.core.NptInputException;

/** Row weights are checked when given, and follow their rows through selection and appending. */
class TableRowWeightsTest {

    private static final Table T = Table.builder().numeric("x", new double[] {1, 2, 3}).categorical("y",
            new String[] {"a", "b", "a"}).build();

    @Test
    void invalidWeightsAreRefusedNamingTheRowAndTheValue() {
        for (double bad : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            NptInputException e = assertThrows(NptInputException.class, () -> T.withRowWeights(new double[] {1, bad, 1}));
            assertTrue(e.getMessage().startsWith("Row 1 has weight " + bad), e.getMessage());
        }
        NptInputException zero = assertThrows(NptInputException.class, () -> T.withRowWeights(new double[3]));
        assertTrue(zero.getMessage().contains("Every row has weight 0"), zero.getMessage());
        NptInputException count = assertThrows(NptInputException.class, () -> T.withRowWeights(new double[2]));
        assertTrue(count.getMessage().contains("2 row weights given for a table of 3 rows"), count.getMessage());
    }

    @Test
    void weightsFollowTheirRows() {
        Table w = T.withRowWeights(new double[] {0.5, 0, 2});
        assertTrue(w.isWeighted());
        assertFalse(T.isWeighted());
        assertEquals(1.0, T.rowWeight(2));
        assertNotEquals(T, w);
        assertEquals(T, w.withoutRowWeights());
        assertArrayEquals(new double[] {2, 0.5}, w.selectRows(new int[] {2, 0}).rowWeights());
        assertArrayEquals(new double[] {0.5, 0, 2, 1, 1, 1}, w.appendRows(T).rowWeights());
        assertArrayEquals(new double[] {1, 1, 1, 0.5, 0, 2}, T.appendRows(w).rowWeights());
        assertArrayEquals(new double[] {0.5, 0, 2}, w.withoutColumns(java.util.List.of("x")).rowWeights());
    }
}
