package org.npt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/**
 * The bundled reference split and npt4j's encoding of it, without training: the split's sizes, its
 * sets disjoint and covering the bundled tables, and npt4j's fitted standardisation equal to the
 * reference's; plus the parity command's own arithmetic.
 */
class ReferenceParityTest {

    @Test
    void splitsHaveTheReferenceSizesAndPartitionTheTables() {
        assertSizes(ParityCase.BREAST_CANCER, 398, 114, 57);
        assertSizes(ParityCase.BOSTON, 353, 102, 51);
    }

    private static void assertSizes(ParityCase c, int train, int validation, int test) {
        ParitySplits s = ParitySplits.load(c.splitKey());
        assertEquals(train, s.train().length, c + " train");
        assertEquals(validation, s.validation().length, c + " val");
        assertEquals(test, s.test().length, c + " test");
        int rows = c.table().rowCount();
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())), Arrays.stream(s.test()))
                .sorted().toArray();
        // Sorted, the three sets together are exactly 0..rows-1: no row twice, none left out.
        assertArrayEquals(IntStream.range(0, rows).toArray(), all, c + ": the sets overlap or do not cover the table");
        s.roles(rows); // and the role assignment agrees
    }

    @Test
    void bundledTablesAreInTheFileOrderTheIndicesReferTo() {
        // First and last rows of UCI wdbc.data and of boston_house_prices.csv.
        Table bc = ParityCase.BREAST_CANCER.table();
        assertEquals(17.99, ((NumericColumn) bc.column("radius_mean")).get(0));
        assertEquals(7.76, ((NumericColumn) bc.column("radius_mean")).get(568));
        Table boston = ParityCase.BOSTON.table();
        assertEquals(0.00632, ((NumericColumn) boston.column("CRIM")).get(0));
        assertEquals(11.9, ((NumericColumn) boston.column("MEDV")).get(505));
    }

    @Test
    void npt4jStandardisesAsTheReference() {
        for (ParityCase c : ParityCase.values()) {
            EncoderCheck check = EncoderCheck.of(c.table(), c.targets(), ParitySplits.load(c.splitKey()));
            assertTrue(check.passes(), c + ": npt4j's standardisation differs from the reference's: " + check.failures());
            assertFalse(check.columns().isEmpty());
        }
        EncoderCheck boston = EncoderCheck.of(ParityCase.BOSTON.table(), ParityCase.BOSTON.targets(),
                ParitySplits.load(ParityCase.BOSTON.splitKey()));
        assertEquals(12, boston.columns().size(), "CHAS and RAD categorical on both sides, 11 features and the target numerical");
    }

    @Test
    void aurocAveragesTies() {
        // Positives 0.9 and 0.5, negatives 0.5 and 0.1: three pairs right, one tied (half): 3.5 / 4.
        assertEquals(0.875, ParityMetrics.auroc(new double[] {0.9, 0.5, 0.5, 0.1}, new boolean[] {true, true, false, false}), 1e-12);
        assertEquals(1.0, ParityMetrics.auroc(new double[] {0.2, 0.8}, new boolean[] {false, true}), 1e-12);
        assertEquals(0.5, ParityMetrics.auroc(new double[] {0.3, 0.3, 0.3}, new boolean[] {false, true, false}), 1e-12);
        assertEquals(Math.sqrt(2.5), ParityMetrics.rmse(new double[] {1, 2}, new double[] {2, 4}), 1e-12);
        assertEquals(1.0, ParityMetrics.sampleStd(new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void stepOverridesAreNotTheParityBudgetAndMayNotWriteTheReport() {
        ParityOptions plain = ParityOptions.parse();
        assertArrayEquals(new long[] {1, 2, 3}, plain.seeds());
        assertTrue(plain.parityBudget());
        assertEquals(100, plain.steps(ParityCase.BREAST_CANCER));
        ParityOptions smoke = ParityOptions.parse("--steps 2 --seeds 1");
        assertFalse(smoke.parityBudget());
        assertEquals(2, smoke.steps(ParityCase.BOSTON));
        assertArrayEquals(new long[] {1}, smoke.seeds());
        assertEquals(4, ParityOptions.parse("--steps-scale", "0.1").steps(ParityCase.BOSTON));
        assertArrayEquals(new long[] {4, 9}, ParityOptions.parse("--seeds 4,9 --write").seeds());
        assertThrows(IllegalArgumentException.class, () -> ParityOptions.parse("--steps 2 --write"));
        assertThrows(IllegalArgumentException.class, () -> ParityOptions.parse("bc-cpu,bc-paper"));
    }

    @Test
    void reportIsReplacedWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ReferenceParity.REPORT);
        ParityReport.write(file, "old");
        ParityReport.write(file, "new");
        assertEquals("new", Files.readString(file));
        assertTrue(Files.list(dir).allMatch(p -> p.equals(file)), "no temporary file is left behind");
    }
}
