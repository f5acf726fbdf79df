package org.npt4j.tribuo;

import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.STEPS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.Fixtures;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Writes the Tribuo model fixtures that {@code SavedTribuoModelTest} loads: a classifier on a small
 * synthetic table (with a categorical feature, regrouped from one-hot) and a regressor on Boston
 * rows, each in Tribuo's protobuf format, with the predictions each made before it was saved.
 *
 * <p>Run once per format version of {@code NptTribuoModelProto}, never to "fix" a failing
 * compatibility test; when the format changes on purpose, add the new version's files beside the
 * old ones. Run with the test class path from the project root:
 * {@code java -cp <test class path> org.npt4j.tribuo.TribuoModelFixtures tribuo-npt/src/test/resources/fixtures}.
 */
public final class TribuoModelFixtures {

    static final int VERSION = 1;

    private TribuoModelFixtures() {}

    static MutableDataset<Label> classificationData() {
        return TableDatasets.classification(Fixtures.rings(40, 21), "label", "rings");
    }

    static MutableDataset<Regressor> regressionData() {
        return TribuoFixtures.boston(40);
    }

    /** @return one line per example: each output's score (class probabilities or regressed values) */
    static <T extends org.tribuo.Output<T>> List<String> predictionLines(Model<T> model, Dataset<T> data) {
        List<String> lines = new ArrayList<>();
        for (Prediction<T> p : model.predict(data)) {
            StringBuilder line = new StringBuilder();
            if (p.getOutput() instanceof Regressor r) {
                for (double v : r.getValues()) {
                    line.append(String.format(Locale.ROOT, "%.9g ", v));
                }
            } else {
                p.getOutputScores().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> line.append(String.format(Locale.ROOT, "%.9g ", ((Label) e.getValue()).getScore())));
            }
            lines.add(line.toString().trim());
        }
        return lines;
    }

    /**
     * @param args the folder to write to
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        var tiny = TribuoFixtures.tiny().set(EMBEDDING_DIM, 4).set(STEPS, 10).build();
        MutableDataset<Label> classes = classificationData();
        try (NptTribuoModel<Label> model = new NptClassificationTrainer(tiny).train(classes)) {
            write(dir, "classification", model, classes);
        }
        MutableDataset<Regressor> values = regressionData();
        try (NptTribuoModel<Regressor> model = new NptRegressionTrainer(tiny).train(values)) {
            write(dir, "regression", model, values);
        }
    }

    private static <T extends org.tribuo.Output<T>> void write(Path dir, String name, Model<T> model, Dataset<T> data)
            throws IOException {
        model.serializeToFile(dir.resolve(name + "-v" + VERSION + ".tribuo"));
        Files.write(dir.resolve(name + "-v" + VERSION + "-predictions.txt"), predictionLines(model, data), StandardCharsets.UTF_8);
    }
}
