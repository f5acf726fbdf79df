package org.npt4j.core.inference;

import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.STEPS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.npt4j.core.Fixtures;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Writes the saved-model fixtures that {@code SavedModelCompatibilityTest} loads: a small model
 * with a categorical and a numerical target, a categorical feature and missing cells, in the
 * current file format, and the predictions it made before it was saved.
 *
 * <p>Run once per format version, never to "fix" a failing compatibility test: a fixture records
 * what files written by a released version look like. When the format changes on purpose, add a
 * new version's fixture beside the old ones and keep reading them.
 *
 * <pre>
 * mvn -q -pl npt-core exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.npt4j.core.inference.SavedModelFixtures -Dexec.args=npt-core/src/test/resources/fixtures
 * </pre>
 */
public final class SavedModelFixtures {

    /** Format version of the fixture this class writes. */
    static final int VERSION = 1;

    private SavedModelFixtures() {}

    /** @return the training table: rings with a numerical second target and some missing cells */
    public static Table training() {
        return withValue(Fixtures.rings(48, 11), 11);
    }

    /** @return rows to predict, features only */
    public static Table queries() {
        return withValue(Fixtures.rings(8, 12), 12).withoutColumns(List.of("label", "value"));
    }

    private static Table withValue(Table rings, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x1 = ((org.npt4j.core.table.NumericColumn) rings.column("x1")).values().clone();
        double[] value = new double[rings.rowCount()];
        for (int i = 0; i < value.length; i++) {
            value[i] = 3 * x1[i] + r.nextDouble();
            if (i % 7 == 3) {
                x1[i] = Double.NaN;
            }
        }
        return Table.builder().numeric("x1", x1).add(rings.column("x2")).add(rings.column("colour"))
                .add(rings.column("label")).numeric("value", value).build();
    }

    /**
     * @param model a model of the fixture's targets
     * @return one line per query row: label probabilities, then the predicted value
     */
    public static List<String> predictionLines(NptModel model) {
        Predictions p = model.predict(queries());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < p.rowCount(); i++) {
            double[] probabilities = p.classes("label").probabilities(i);
            lines.add(String.format(Locale.ROOT, "%.9g %.9g %.9g", probabilities[0], probabilities[1],
                    p.values("value").value(i)));
        }
        return lines;
    }

    /**
     * @param args the folder to write {@code model-v<VERSION>.npt} and its predictions to
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (NptModel model = new NptTrainer(Fixtures.tiny().set(EMBEDDING_DIM, 8).set(STEPS, 12).build())
                .fit(training(), List.of("label", "value"), null)) {
            Files.createDirectories(dir);
            model.save(dir.resolve("model-v" + VERSION + ".npt"));
            Files.write(dir.resolve("model-v" + VERSION + "-predictions.txt"), predictionLines(model), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
