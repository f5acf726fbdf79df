package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.MEMORY_CHECK;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.SEMI_SUPERVISED;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;
import org.npt4j.core.table.Table;

/** A fit that cannot fit in memory is refused at once, with figures and advice; the check can be turned off. */
class MemoryCheckTest {

    /** e=64, 8 layers, 8 heads (the defaults), full batch. */
    private static final NptConfig PAPER = NptConfig.builder().set(EMBEDDING_DIM, 64).set(DEPTH, 8).set(HEADS, 8)
            .set(BATCH_SIZE, 0).set(DEVICE, "cpu").build();
    /** Ten numerical columns. */
    private static final ColumnLayout TEN_NUMERICAL = new ColumnLayout(filled(10, 2), new boolean[10]);
    private static final RowRole[] SIXTY_THOUSAND = RowRoles.filled(60_000, RowRole.TRAIN);
    private static final long GB = 1_000_000_000L;

    /** A source of the available memory that must not be asked. */
    private static final Supplier<OptionalLong> NOT_ASKED = () -> {
        throw new AssertionError("the available memory was read although the check does not apply");
    };

    @Test
    void aFullBatchOfSixtyThousandRowsIsRefusedAtOnceBeforeAnyStep() {
        Table table = synthetic(60_000, 10);
        AtomicInteger steps = new AtomicInteger();
        NptTrainer trainer = new NptTrainer(PAPER, p -> steps.incrementAndGet());
        long start = System.nanoTime();
        NptMemoryException e = assertThrows(NptMemoryException.class, () -> trainer.fit(table, "y"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 1, "refused after " + seconds + " s");
        assertEquals(0, steps.get(), "no training step ran");
        assertTrue(e.figures().neededBytes() > 24 * GB && e.figures().neededBytes() > e.figures().availableBytes(), e.getMessage());
        String m = e.getMessage();
        for (String part : new String[] {"Training needs at least ", " GB (full batch of 60,000 rows, e=64, 8 layers, 8 heads",
                " GB is available to this process", "batchSize", "embeddingDim, depth or heads", "memoryCheck=false"}) {
            assertTrue(m.contains(part), "'" + part + "' in: " + m);
        }
        assertTrue(e instanceof NptInputException, "callers that handle unusable input handle this too");
    }

    @Test
    void memoryCheckFalseSkipsTheCheck() {
        NptConfig off = PAPER.toBuilder().set(MEMORY_CHECK, false).build();
        assertDoesNotThrow(() -> new MemoryCheck(NOT_ASKED).verify(off, TEN_NUMERICAL, SIXTY_THOUSAND));
        assertThrows(NptMemoryException.class, () -> new MemoryCheck(available(24 * GB)).verify(PAPER, TEN_NUMERICAL, SIXTY_THOUSAND),
                "the same fit with the check on is refused");
    }

    @Test
    void gpuAndAutoDevicesAreNotCheckedAgainstHostMemory() {
        for (String device : new String[] {"gpu", "gpu:1", "auto"}) {
            NptConfig config = PAPER.toBuilder().set(DEVICE, device).build();
            assertDoesNotThrow(() -> new MemoryCheck(NOT_ASKED).verify(config, TEN_NUMERICAL, SIXTY_THOUSAND), device);
        }
    }

    @Test
    void unreadableMemoryIsNoReasonToRefuse() {
        assertDoesNotThrow(() -> new MemoryCheck(OptionalLong::empty).verify(PAPER, TEN_NUMERICAL, SIXTY_THOUSAND));
    }

    @Test
    void breastCancerAtThePaperSettingsPassesWithAFewGigabytes() {
        int[] widths = filled(31, 2);
        widths[30] = 3;
        boolean[] categorical = new boolean[31];
        categorical[30] = true;
        ColumnLayout layout = new ColumnLayout(widths, categorical);
        NptConfig config = PAPER.toBuilder().set(EMBEDDING_DIM, 32).build();
        RowRole[] roles = RowRoles.filled(569, RowRole.TRAIN);
        assertDoesNotThrow(() -> new MemoryCheck(available(2 * GB)).verify(config, layout, roles));
        NptMemoryException e = assertThrows(NptMemoryException.class,
                () -> new MemoryCheck(available(GB)).verify(config, layout, roles));
        assertTrue(e.getMessage().startsWith("Training needs at least 1.7 GB (full batch of 569 rows, e=32, 8 layers, 8 heads;"),
                e.getMessage());
        assertTrue(e.getMessage().contains("but 1.0 GB is available to this process"), e.getMessage());
    }

    @Test
    void theSuggestedBatchSizeLeavesRoomForTheMeasuredPeak() {
        long free = 8 * GB;
        NptMemoryException e = assertThrows(NptMemoryException.class,
                () -> new MemoryCheck(available(free)).verify(PAPER, TEN_NUMERICAL, SIXTY_THOUSAND));
        Matcher m = Pattern.compile("set batchSize \\(e\\.g\\. (\\d+)\\)").matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        int batch = Integer.parseInt(m.group(1));
        assertDoesNotThrow(() -> new MemoryCheck(available(free))
                .verify(PAPER.toBuilder().set(BATCH_SIZE, batch).build(), TEN_NUMERICAL, SIXTY_THOUSAND),
                "the advice is a valid configuration that passes");
        long parameters = MemoryEstimate.parameterCount(TEN_NUMERICAL, PAPER);
        assertTrue(2 * MemoryEstimate.trainingStepBytes(10, PAPER, batch, parameters) <= free, "twice the estimate fits");
        assertTrue(2 * MemoryEstimate.trainingStepBytes(10, PAPER, 2L * batch, parameters) > free, "it is the largest power of two");
    }

    @Test
    void aSuggestedBatchNoLargerThanThePredictionPassSaysToLowerThatToo() {
        // 1.2 GB: parameters and state take 0.43 GB, batches of 256 rows 0.57 GB in all, of 512 rows 0.76 GB.
        long free = 1_200_000_000L;
        NptMemoryException e = assertThrows(NptMemoryException.class,
                () -> new MemoryCheck(available(free)).verify(PAPER, TEN_NUMERICAL, SIXTY_THOUSAND));
        assertTrue(e.getMessage().contains("set batchSize (e.g. 256, with predictionBatchSize below it)"), e.getMessage());
        assertDoesNotThrow(() -> new MemoryCheck(available(free)).verify(
                PAPER.toBuilder().set(BATCH_SIZE, 256).set(PREDICTION_BATCH_SIZE, 128).build(), TEN_NUMERICAL, SIXTY_THOUSAND));
    }

    @Test
    void withoutRoomForTheParametersNoBatchSizeIsSuggested() {
        NptMemoryException e = assertThrows(NptMemoryException.class,
                () -> new MemoryCheck(available(1_000_000)).verify(PAPER, TEN_NUMERICAL, SIXTY_THOUSAND));
        assertTrue(e.getMessage().contains("lower embeddingDim, depth or heads (no batchSize is small enough on its own)"),
                e.getMessage());
    }

    @Test
    void theLargestBatchIsTheWorkingTableOrAValidationBatch() {
        RowRole[] roles = new RowRole[150];
        Arrays.fill(roles, 0, 100, RowRole.TRAIN);
        Arrays.fill(roles, 100, 120, RowRole.VALIDATION);
        Arrays.fill(roles, 120, 150, RowRole.TEST);
        NptConfig semi = PAPER;
        NptConfig supervised = PAPER.toBuilder().set(SEMI_SUPERVISED, false).build();
        assertEquals(150, MemoryCheck.batchRows(semi, roles), "semi-supervised: validation and test rows train too");
        assertEquals(120, MemoryCheck.batchRows(supervised, roles), "supervised: validation passes see train and validation rows");
        assertEquals(64, MemoryCheck.batchRows(supervised.toBuilder().set(BATCH_SIZE, 64).set(PREDICTION_BATCH_SIZE, 32).build(), roles));
        Arrays.fill(roles, 100, 120, RowRole.TEST);
        assertEquals(100, MemoryCheck.batchRows(supervised, roles), "no validation rows: the training rows alone");
    }

    private static Supplier<OptionalLong> available(long bytes) {
        return () -> OptionalLong.of(bytes);
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    /** Columns x0 … x(d−2) and a numerical target y. */
    private static Table synthetic(int rows, int columns) {
        SplittableRandom r = new SplittableRandom(1);
        Table.Builder b = Table.builder();
        for (int j = 0; j < columns; j++) {
            double[] values = new double[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = r.nextGaussian();
            }
            b.numeric(j == columns - 1 ? "y" : "x" + j, values);
        }
        return b.build();
    }
}
