package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.demo.BundledDatasets;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.data.ConfigurableTrainTest;

/** Tribuo's own command-line trainer runs NPT from the shipped config, with no Tribuo code changes. */
class ConfigurableTrainTestTest {

    private static void writeCsv(Table t, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", t.columnNames())).append('\n');
        for (int i = 0; i < t.rowCount(); i++) {
            for (int j = 0; j < t.columnCount(); j++) {
                sb.append(j == 0 ? "" : ",");
                sb.append(t.column(j) instanceof NumericColumn n ? Double.toString(n.get(i)) : ((CategoricalColumn) t.column(j)).get(i));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    @Test
    void trainsEvaluatesAndSavesAModelFromTheCommandLine(@TempDir Path dir) throws Exception {
        Table all = TribuoFixtures.subset(BundledDatasets.breastCancer(), 260);
        int[] train = java.util.stream.IntStream.range(0, 200).toArray();
        int[] test = java.util.stream.IntStream.range(200, 260).toArray();
        writeCsv(all.selectRows(train), dir.resolve("train.csv"));
        writeCsv(all.selectRows(test), dir.resolve("test.csv"));
        Path modelFile = dir.resolve("npt.model");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConfigurableTrainTest.main(new String[] {"-c", TrainerConfigTest.CONFIG.toString(), "-t", "npt", "-a", "label-factory",
                    "-s", "CSV", "--csv-response-name", BundledDatasets.BREAST_CANCER_TARGET,
                    "-u", dir.resolve("train.csv").toString(), "-v", dir.resolve("test.csv").toString(),
                    "-f", modelFile.toString(),
                    "--@npt.steps", "20", "--@npt.embeddingDim", "8", "--@npt.depth", "2", "--model-output-protobuf", "true"});
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("Accuracy"), report);
        Model<Label> model = Model.deserializeFromFile(modelFile).castModel(Label.class);
        assertTrue(model instanceof NptTribuoModel, model.getClass().getName());
        assertTrue(model.getProvenance().getTrainerProvenance().toString().contains("steps"));
        ((NptTribuoModel<Label>) model).close();
        assertTrue(List.of(report.split("\n")).stream().anyMatch(l -> l.contains("M") || l.contains("B")));
    }
}
