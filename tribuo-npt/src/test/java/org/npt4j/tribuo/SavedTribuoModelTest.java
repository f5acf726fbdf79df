package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;

/**
 * Tribuo models saved by earlier versions (protobuf, as Tribuo itself checks its saved models)
 * still load and predict as they did. The fixtures were written once by {@link
 * TribuoModelFixtures} and are never regenerated: a change that breaks old files fails here.
 */
class SavedTribuoModelTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SavedTribuoModelTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static <T extends Output<T>> void predictsAsSaved(String name, Dataset<T> data) throws Exception {
        Model<?> loaded = Model.deserializeFromFile(fixture(name + "-v1.tribuo"));
        assertInstanceOf(NptTribuoModel.class, loaded);
        @SuppressWarnings("unchecked")
        Model<T> model = (Model<T>) loaded.castModel(data.getOutputFactory().getUnknownOutput().getClass());
        List<String> expected = Files.readAllLines(fixture(name + "-v1-predictions.txt"), StandardCharsets.UTF_8);
        List<String> actual = TribuoModelFixtures.predictionLines(model, data);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            double[] e = numbers(expected.get(i));
            double[] a = numbers(actual.get(i));
            assertEquals(e.length, a.length, actual.get(i));
            for (int k = 0; k < e.length; k++) {
                // Loose enough for another CPU's kernels, tight enough to catch a changed model.
                assertEquals(e[k], a[k], 1e-4 * Math.max(1, Math.abs(e[k])), name + " row " + i + ": " + actual.get(i));
            }
        }
        ((NptTribuoModel<?>) loaded).close();
    }

    private static double[] numbers(String line) {
        return Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void aVersionOneClassifierLoadsAndPredictsAsSaved() throws Exception {
        predictsAsSaved("classification", TribuoModelFixtures.classificationData());
    }

    @Test
    void aVersionOneRegressorLoadsAndPredictsAsSaved() throws Exception {
        predictsAsSaved("regression", TribuoModelFixtures.regressionData());
    }
}
