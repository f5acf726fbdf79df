package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.experiments.protocol.PaperProtocol;
import org.npt4j.experiments.protocol.Split;

/**
 * The paper protocol as the runner runs it: NPT gets the test rows' features but never their labels,
 * and the baselines learn from the training and validation rows.
 */
class SemiSupervisedProtocolTest {

    private static final Path BOSTON = Path.of("data/boston_housing/boston_house_prices.csv");

    @TempDir
    static Path dir;

    private static Path clean;

    /** The run on the bundled file, shared by the tests. */
    private static synchronized Path clean() throws IOException {
        if (clean == null) {
            clean = run(BOSTON, "clean");
        }
        return clean;
    }

    /** Runs the tiny paper-protocol experiment on a data file; returns the run's output folder. */
    private static Path run(Path data, String name) throws IOException {
        String xml;
        try (InputStream in = SemiSupervisedProtocolTest.class.getResourceAsStream("paper-config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path results = dir.resolve("results-" + name);
        Path config = dir.resolve(name + ".xml");
        Files.writeString(config, xml.formatted(results, data.toAbsolutePath()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Compare.run(new String[] {"-c", config.toString(), "--progress", "NONE"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("npt: learns from train, picks its checkpoint on validation (also its context), "
                + "sees the test rows' features unlabelled"), printed);
        assertTrue(printed.contains("cart: learns from train + validation"), printed);
        try (Stream<Path> runs = Files.list(results)) {
            return runs.findFirst().orElseThrow();
        }
    }

    /** Boston with the response of split 0's test rows replaced by noise. */
    private static Path withNoisyTestLabels() throws IOException {
        List<String> lines = Files.readAllLines(BOSTON);
        int rows = lines.size() - 2;
        Split split = new PaperProtocol(1, 0.1, 0.2, 42).splits(rows, null).get(0);
        Random noise = new Random(5);
        List<String> out = new ArrayList<>(lines);
        for (int r : split.test()) {
            String line = lines.get(r + 2);
            out.set(r + 2, line.substring(0, line.lastIndexOf(',') + 1) + String.format(Locale.ROOT, "%.2f", 100 * noise.nextDouble()));
        }
        Path file = dir.resolve("boston-noisy.csv");
        Files.write(file, out);
        return file;
    }

    /** The predictions file's "predicted" column and probabilities: everything but the true output. */
    private static List<String> predicted(Path folder, String trainer) throws IOException {
        return Files.readAllLines(folder.resolve("predictions/" + trainer + "-fold-0.csv")).stream()
                .map(l -> l.replaceFirst("^([^,]*),[^,]*,", "$1,")).toList();
    }

    @Test
    void testLabelsNeverReachAnyTrainer() throws IOException {
        Path clean = clean();
        Path noisy = run(withNoisyTestLabels(), "noisy");
        assertNotEquals(Files.readAllLines(clean.resolve("predictions/npt-fold-0.csv")),
                Files.readAllLines(noisy.resolve("predictions/npt-fold-0.csv")), "the true outputs differ");
        for (String trainer : List.of("npt", "cart")) {
            assertEquals(predicted(clean, trainer), predicted(noisy, trainer), trainer + "'s predictions are bit-identical");
        }
    }

    @Test
    void nptGetsTheTestRowsUnlabelledAndTheBaselinesTheValidationRows() throws IOException {
        Path folder = clean();
        Split split = new PaperProtocol(1, 0.1, 0.2, 42).splits(506, null).get(0);
        String npt = Files.readString(folder.resolve("provenance/npt-fold-0.json"));
        String cart = Files.readString(folder.resolve("provenance/cart-fold-0.json"));
        assertTrue(npt.matches("(?s).*\"npt-unlabelled-examples\".{0,200}\"value\" : \"" + split.test().length + "\".*"), npt);
        assertTrue(npt.matches("(?s).*\"num-examples\".{0,200}\"value\" : \"" + (split.train().length + split.test().length) + "\".*"),
                "NPT's training dataset is its training rows plus the unlabelled test rows");
        assertTrue(cart.matches("(?s).*\"num-examples\".{0,200}\"value\" : \"" + (split.train().length + split.validation().length) + "\".*"),
                "the baseline learns from train + validation");
    }
}
