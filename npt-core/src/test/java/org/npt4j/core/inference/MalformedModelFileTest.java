package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;

/**
 * Model files are checked when they load, against their own length and against themselves: counts
 * that would allocate more than the file holds, files over the size limit, weights that do not fit
 * the model's settings and columns. Each refusal says what is wrong and where.
 */
class MalformedModelFileTest {

    /** "NPT4J-MODEL" and the format version come first, then the number of settings. */
    private static final int SETTINGS_COUNT_AT = 11 + 4;
    private static byte[] fixture;
    private static NptModel model;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MalformedModelFileTest.class.getResourceAsStream("/fixtures/model-v1.npt")) {
            fixture = in.readAllBytes();
        }
        model = NptModel.fromBytes(fixture);
    }

    private static String refusal(byte[] data) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(NptInputException.class, () -> NptModel.fromBytes(data)).getMessage());
    }

    private static byte[] withInt(int at, int value) {
        byte[] data = fixture.clone();
        ByteBuffer.wrap(data).putInt(at, value);
        return data;
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
        }
    }

    @Test
    void countsAreCheckedAgainstTheBytesLeftBeforeAnythingIsAllocated() {
        assertContains(refusal(withInt(SETTINGS_COUNT_AT, Integer.MAX_VALUE)),
                "settings 2147483647 exceed the 99,153 bytes left", "in the settings", "at byte 15 of 99,172");
        assertContains(refusal(withInt(SETTINGS_COUNT_AT, -1)), "negative number of settings (-1)");

        // The same model with no context rows: the files first differ in the last byte of the row count.
        byte[] saved = model.toBytes();
        byte[] empty = model.withContext(model.contextRows().selectRows(new int[0])).toBytes();
        int rowsAt = Arrays.mismatch(saved, empty) - 3;
        ByteBuffer rows = ByteBuffer.wrap(saved);
        assertEquals(model.contextRowCount(), rows.getInt(rowsAt));
        rows.putInt(rowsAt, Integer.MAX_VALUE);
        assertContains(refusal(saved), "context rows 2147483647 exceed the", "bytes left",
                "in the context rows, at byte " + String.format(java.util.Locale.ROOT, "%,d", rowsAt));

        int weightsAt = fixture.length - model.weights().length - 4;
        assertContains(refusal(withInt(weightsAt, Integer.MAX_VALUE)), "weight bytes 2147483647 exceed the");
    }

    @Test
    void dataAfterTheModelIsRefused() {
        byte[] longer = Arrays.copyOf(fixture, fixture.length + 3);
        assertContains(refusal(longer), "3 bytes follow the end of the model");
    }

    @Test
    void streamsAndFilesOverTheSizeLimitAreRefusedBeforeTheyFillTheHeap(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.npt");
        Files.write(file, fixture);
        System.setProperty(NptModel.MAX_MODEL_BYTES_PROPERTY, "1000");
        try {
            assertContains(assertThrows(NptInputException.class, () -> NptModel.load(file)).getMessage(),
                    "99,172 bytes", "more than the 1,000 bytes", NptModel.MAX_MODEL_BYTES_PROPERTY);
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    return 'x';
                }
            };
            assertContains(assertThrows(NptInputException.class, () -> NptModel.load(endless)).getMessage(),
                    "more than the 1,000 bytes");
        } finally {
            System.clearProperty(NptModel.MAX_MODEL_BYTES_PROPERTY);
        }
        try (NptModel loaded = NptModel.load(new ByteArrayInputStream(fixture))) {
            assertEquals(model.contextRowCount(), loaded.contextRowCount());
        }
    }

    @Test
    void weightsThatDoNotFitTheSettingsAreRefusedAtLoadNotAtTheFirstPrediction() {
        assertContains(refusal(variant(model.config().toBuilder().set(EMBEDDING_DIM, 16).build())),
                "parameter embedding/columnIndex has shape (5, 8) in the weights", "need (5, 16)");
        // A crafted width computes shapes only: nothing of that size is allocated.
        assertContains(refusal(variant(model.config().toBuilder().set(EMBEDDING_DIM, 1 << 24).build())),
                "need (5, 16777216)");
        // A crafted depth is refused before a network of that depth is built.
        assertContains(refusal(variant(model.config().toBuilder().set(DEPTH, 1_000_000).build())),
                "ask for 1000000 layers over 5 columns", "96,279 bytes of weights");
    }

    @Test
    void aLoadedModelHoldsNoNativeMemoryUntilItPredicts() {
        try (NptModel loaded = NptModel.fromBytes(fixture)) {
            assertFalse(loaded.holdsNativeMemory(), "the load-time check frees what it loaded");
        }
    }

    /** The fixture's weights, schema and context under other settings: the public constructor checks no weights. */
    private static byte[] variant(NptConfig config) {
        return new NptModel(config, model.schema(), model.contextRows(), model.weights(), model.summary()).toBytes();
    }
}
