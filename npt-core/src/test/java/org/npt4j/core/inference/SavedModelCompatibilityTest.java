package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.STEPS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.CategoricalEncoder;

/**
 * Models saved by earlier versions still load and predict as they did: the fixtures under
 * {@code src/test/resources/fixtures} were written once by {@link SavedModelFixtures} and are never
 * regenerated. A change to the file format, the settings' names or the network's parameter layout
 * that breaks old files fails here.
 */
class SavedModelCompatibilityTest {

    private static NptModel load(String name) throws IOException {
        try (InputStream in = SavedModelCompatibilityTest.class.getResourceAsStream("/fixtures/" + name)) {
            return NptModel.load(in);
        }
    }

    private static List<String> expected(String name) throws IOException {
        try (InputStream in = SavedModelCompatibilityTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void aVersionOneModelLoadsWithItsSettingsSchemaAndContext() throws IOException {
        try (NptModel model = load("model-v1.npt")) {
            NptConfig config = model.config();
            assertEquals(8, config.get(EMBEDDING_DIM));
            assertEquals(12, config.get(STEPS));
            assertEquals(List.of("label", "value"), model.schema().targetNames());
            assertEquals(List.of("inner", "outer"),
                    ((CategoricalEncoder) model.schema().column(model.schema().targetIndices()[0]).encoder()).categories());
            assertEquals(SavedModelFixtures.training().rowCount(), model.contextRowCount(),
                    "training and validation rows are the context");
        }
    }

    @Test
    void aVersionOneModelPredictsWhatItPredictedWhenSaved() throws IOException {
        List<String> expected = expected("model-v1-predictions.txt");
        try (NptModel model = load("model-v1.npt")) {
            List<String> actual = SavedModelFixtures.predictionLines(model);
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                double[] e = numbers(expected.get(i));
                double[] a = numbers(actual.get(i));
                for (int k = 0; k < e.length; k++) {
                    // Loose enough for another CPU's kernels, tight enough to catch a changed model.
                    assertEquals(e[k], a[k], 1e-4 * Math.max(1, Math.abs(e[k])), "row " + i + ": " + actual.get(i));
                }
            }
        }
    }

    private static double[] numbers(String line) {
        return java.util.Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
