package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a tiny NPT, and its answers to broken configurations. */
class CompareTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    /** Two folds of Boston (categorical CHAS and RAD) with a tiny NPT, XGBoost and a tree. */
    private Path config(String sourceExtra, String trainers) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="experiment" type="org.npt4j.experiments.Experiment">
                    <property name="title" value="tiny"/>
                    <property name="source" value="boston"/>
                    <property name="protocol" value="protocol"/>
                    <propertylist name="trainers">%s</propertylist>
                    <property name="outputDirectory" value="%s"/>
                  </component>
                  <component name="boston" type="org.npt4j.experiments.TableSource">
                    <property name="file" value="data/boston_housing/boston_house_prices.csv"/>
                    <property name="skipLines" value="1"/>
                    <property name="response" value="MEDV"/>
                    <propertylist name="categorical"><item>CHAS</item><item>RAD</item></propertylist>
                    %s
                  </component>
                  <component name="protocol" type="org.npt4j.experiments.protocol.KFoldProtocol">
                    <property name="folds" value="2"/>
                  </component>
                  <component name="npt" type="org.npt4j.tribuo.NptRegressionTrainer">
                    <property name="embeddingDim" value="4"/>
                    <property name="depth" value="2"/>
                    <property name="heads" value="1"/>
                    <property name="steps" value="4"/>
                    <property name="evaluationInterval" value="2"/>
                  </component>
                  <component name="xgboost" type="org.tribuo.regression.xgboost.XGBoostRegressionTrainer">
                    <property name="numTrees" value="5"/>
                  </component>
                  <component name="cart" type="org.tribuo.regression.rtree.CARTRegressionTrainer"/>
                  <component name="linear-unscaled-onehot" type="org.tribuo.transform.TransformTrainer">
                    <property name="innerTrainer" value="linear-sgd"/>
                    <property name="transformations" value="standardise"/>
                  </component>
                  <component name="linear-sgd" type="org.tribuo.regression.sgd.linear.LinearSGDTrainer">
                    <property name="objective" value="squared-loss"/>
                  </component>
                  <component name="squared-loss" type="org.tribuo.regression.sgd.objectives.SquaredLoss"/>
                  <component name="standardise" type="org.tribuo.transform.TransformationMap">
                    <propertylist name="globalTransformations"><item>mean-std</item></propertylist>
                  </component>
                  <component name="mean-std" type="org.tribuo.transform.transformations.MeanStdDevTransformation">
                    <property name="targetMean" value="0.0"/>
                    <property name="targetStdDev" value="1.0"/>
                  </component>
                  <component name="xgboost-classifier" type="org.tribuo.classification.xgboost.XGBoostClassificationTrainer">
                    <property name="numTrees" value="5"/>
                  </component>
                </config>
                """.formatted(trainers, dir.resolve("results"), sourceExtra);
        Path file = dir.resolve("tiny.xml");
        Files.writeString(file, xml);
        return file;
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = Compare.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static final String ALL = "<item>npt</item><item>xgboost</item><item>cart</item>";

    @Test
    void runsEveryTrainerOnTheSameFoldsAndWritesTheResults() throws IOException {
        Path config = config("", ALL);
        assertEquals(0, run("-c", config.toString(), "--progress", "LOG", "--@protocol.seed", "3"), err);
        for (String trainer : List.of("npt", "xgboost", "cart")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(trainer + " ") || l.startsWith("*" + trainer)
                    || l.matches("^" + trainer + "\\s.*")), trainer + " row missing:\n" + out);
        }
        assertTrue(err.contains("fold 2/2 npt: step 4/4"), err);

        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            folder = runs.findFirst().orElseThrow();
        }
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertEquals("trainer,rmse_mean,rmse_se,mae_mean,mae_se,r2_mean,r2_se,train_s_mean,train_s_se,"
                + "predict_ms_per_row_mean,predict_ms_per_row_se,folds", summary.get(0));
        assertEquals(4, summary.size());
        assertTrue(summary.get(1).startsWith("npt,") && summary.get(1).endsWith(",2"), summary.get(1));
        assertEquals(1 + 3 * 2, Files.readAllLines(folder.resolve("folds.csv")).size());
        assertTrue(Files.readString(folder.resolve("summary.md")).contains("| npt |"));

        // The splits file records one role per row and split; each row is tested once.
        List<String> splits = Files.readAllLines(folder.resolve("splits.csv"));
        assertEquals("row,split_0,split_1", splits.get(0));
        assertEquals(1 + 506, splits.size());
        assertTrue(splits.stream().skip(1).allMatch(l -> l.endsWith(",train,test") || l.endsWith(",test,train")));

        byte[] png = Files.readAllBytes(folder.resolve("comparison.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String provenance = Files.readString(folder.resolve("provenance/npt-fold-1.json"));
        assertTrue(provenance.contains("\"npt-seed\"") && provenance.contains("data-sha256"), "provenance lacks run facts");
        assertTrue(Files.readString(folder.resolve("configuration.xml")).contains("\"seed\" value=\"3\""),
                "the saved configuration carries the command-line override");
        try (Stream<Path> files = Files.walk(folder)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void anUnknownPropertyIsNamed() throws IOException {
        Path config = config("<property name=\"responce\" value=\"MEDV\"/>", ALL);
        assertEquals(1, run("-c", config.toString()));
        assertTrue(err.contains("responce") && err.contains("boston"), err);
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path config = config("", ALL);
        assertEquals(1, run("-c", config.toString(), "--@boston.file", "data/nowhere.csv"));
        assertTrue(err.contains("nowhere.csv") && err.contains("does not exist"), err);
    }

    @Test
    void aMissingResponseColumnIsNamedWithTheColumnsThatExist() throws IOException {
        Path config = config("", ALL);
        assertEquals(1, run("-c", config.toString(), "--@boston.response", "PRICE"));
        assertTrue(err.contains("'PRICE'") && err.contains("MEDV"), err);
    }

    @Test
    void aClassifierOnARegressionResponseIsRefusedBeforeTraining() throws IOException {
        Path config = config("", "<item>xgboost-classifier</item>");
        assertEquals(1, run("-c", config.toString()));
        assertTrue(err.contains("XGBoostClassificationTrainer") && err.contains("regression"), err);
        assertTrue(!Files.exists(dir.resolve("results")), "nothing is written for a configuration that fails");
    }

    @Test
    void aTrainerThatFailsIsNamedWithItsFold() throws IOException {
        // Standardising every feature (the shipped configs standardise numeric ones only), a one-hot feature's only explicit value is 1: its standard deviation is 0 and
        // standardising it gives NaN, which Tribuo's SGD refuses.
        Path config = config("", "<item>linear-unscaled-onehot</item>");
        assertEquals(1, run("-c", config.toString(), "--progress", "NONE"));
        assertTrue(err.contains("Trainer 'linear-unscaled-onehot' failed in training on fold 1") && err.contains("NaN"), err);
    }

    @Test
    void anUnknownExperimentNameListsTheExperiments() throws IOException {
        Path config = config("", ALL);
        assertEquals(1, run("-c", config.toString(), "-e", "nope"));
        assertTrue(err.contains("'nope'") && err.contains("experiment"), err);
    }

    @Test
    void commandLineMistakesAreNamedWithStatusTwo() throws IOException {
        assertEquals(2, run("-c", dir.resolve("absent.xml").toString()));
        assertTrue(err.contains("absent.xml"), err);
        Path config = config("", ALL);
        assertEquals(2, run("-c", config.toString(), "--@npt.stepz", "3"));
        assertTrue(err.contains("stepz") && err.contains("npt"), err);
    }
}
