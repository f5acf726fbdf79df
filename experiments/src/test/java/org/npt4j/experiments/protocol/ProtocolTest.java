package org.npt4j.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.npt4j.experiments.score.Task;

class ProtocolTest {

    /** 3 classes of 60, 30 and 10 rows, interleaved. */
    private static int[] strata(int n) {
        return IntStream.range(0, n).map(i -> i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2).toArray();
    }

    @Test
    void kFoldTestSetsPartitionTheRowsAndTrainIsTheRest() {
        List<Split> splits = new KFoldProtocol(5, 7).splits(100, strata(100));
        assertEquals(5, splits.size());
        int[] tested = new int[100];
        for (Split s : splits) {
            assertDisjointCover(100, s.train(), s.validation(), s.test());
            assertEquals(0, s.validation().length);
            for (int r : s.test()) {
                tested[r]++;
            }
        }
        assertTrue(Arrays.stream(tested).allMatch(c -> c == 1), "every row is tested exactly once");
    }

    @Test
    void kFoldIsStratifiedAndReproducible() {
        int[] strata = strata(100);
        List<Split> a = new KFoldProtocol(5, 7).splits(100, strata);
        for (Split s : a) {
            long[] counts = new long[3];
            for (int r : s.test()) {
                counts[strata[r]]++;
            }
            assertEquals(12, counts[0], 1);
            assertEquals(6, counts[1], 1);
            assertEquals(2, counts[2], 1);
        }
        assertEquals(a, new KFoldProtocol(5, 7).splits(100, strata));
        assertNotEquals(a, new KFoldProtocol(5, 8).splits(100, strata));
    }

    @Test
    void paperProtocolSplitsSeventyTwentyTenWithDisjointTestSets() {
        List<Split> splits = new PaperProtocol(10, 0.1, 0.2, 42).splits(200, strata(200));
        assertEquals(10, splits.size());
        Set<Integer> tested = new HashSet<>();
        for (Split s : splits) {
            assertDisjointCover(200, s.train(), s.validation(), s.test());
            assertEquals(20, s.test().length);
            assertEquals(40, s.validation().length, 2);
            for (int r : s.test()) {
                assertTrue(tested.add(r), "row " + r + " is tested twice");
            }
        }
        assertEquals(200, tested.size());
        assertEquals(splits, new PaperProtocol(10, 0.1, 0.2, 42).splits(200, strata(200)));
        assertNotEquals(splits, new PaperProtocol(10, 0.1, 0.2, 43).splits(200, strata(200)));
    }

    @Test
    void paperProtocolWithoutStrataStillCovers() {
        for (Split s : new PaperProtocol(3, 0.1, 0.2, 1).splits(57, null)) {
            assertDisjointCover(57, s.train(), s.validation(), s.test());
        }
    }

    @Test
    void impossibleSettingsAreRefusedWithTheFieldNamed() {
        PropertyException tooMany = assertThrows(PropertyException.class, () -> new PaperProtocol(11, 0.1, 0.2, 42));
        assertTrue(tooMany.getMessage().contains("splits"), tooMany.getMessage());
        PropertyException oneFold = assertThrows(PropertyException.class, () -> new KFoldProtocol(1, 42));
        assertTrue(oneFold.getMessage().contains("folds"), oneFold.getMessage());
        IllegalArgumentException fewRows = assertThrows(IllegalArgumentException.class,
                () -> new KFoldProtocol(5, 1).splits(4, null));
        assertTrue(fewRows.getMessage().contains("at least 5 rows"), fewRows.getMessage());
    }

    private static void assertDisjointCover(int n, int[]... parts) {
        int[] seen = new int[n];
        for (int[] p : parts) {
            for (int r : p) {
                seen[r]++;
            }
        }
        for (int r = 0; r < n; r++) {
            assertEquals(1, seen[r], "row " + r + " must be in exactly one of train, validation and test");
        }
    }

    @Test
    void repeatedKFoldRunsEveryRepetitionOnItsOwnShuffleTheFirstBeingThePlainKFold() {
        List<Split> repeated = new KFoldProtocol(5, 3, 7).splits(100, strata(100));
        assertEquals(15, repeated.size());
        for (int r = 0; r < 3; r++) {
            int[] tested = new int[100];
            for (int g = 0; g < 5; g++) {
                Split s = repeated.get(r * 5 + g);
                assertEquals(r * 5 + g, s.index(), "folds are numbered across repetitions");
                assertEquals(r, s.repeat());
                assertDisjointCover(100, s.train(), s.validation(), s.test());
                for (int row : s.test()) {
                    tested[row]++;
                }
            }
            assertTrue(Arrays.stream(tested).allMatch(c -> c == 1), "each repetition tests every row once");
        }
        assertEquals(new KFoldProtocol(5, 7).splits(100, strata(100)), repeated.subList(0, 5),
                "repetition 0 is the k-fold run once, so repeats = 1 changes nothing");
        assertNotEquals(Arrays.toString(repeated.get(0).test()), Arrays.toString(repeated.get(5).test()),
                "the second repetition shuffles anew");
        assertEquals(repeated, new KFoldProtocol(5, 3, 7).splits(100, strata(100)), "reproducible");
        assertNotEquals(Arrays.toString(new KFoldProtocol(5, 2, 8).splits(100, null).get(5).test()),
                Arrays.toString(new KFoldProtocol(5, 2, 7).splits(100, null).get(5).test()), "the seed reaches every repetition");
        assertTrue(new KFoldProtocol(2, 5, 1).describe(Task.CLASSIFICATION)
                .startsWith("5 × 2-fold cross-validation (5 repeats, 10 folds) (stratified)"));
        assertThrows(PropertyException.class, () -> new KFoldProtocol(5, 0, 7));
    }
}
