package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.Settings;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.UnsupportedAttributeTypeException;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.Logger;

/** NPT in Weka's workflows: cross-validation, options, capabilities, progress, persistence. */
class WekaWorkflowTest {

    static final Path ARFF = Path.of("../data/weka_example_arff");

    static Instances load(String file) throws Exception {
        Instances data = DataSource.read(ARFF.resolve(file).toString());
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    /** 3-fold cross-validation of a tiny NPT trained for 40 steps. */
    private static Evaluation crossValidate(String file) throws Exception {
        Instances data = load(file);
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.setSteps(40);
        Evaluation eval = new Evaluation(data);
        eval.crossValidateModel(npt, data, 3, new Random(1));
        return eval;
    }

    @Test
    void crossValidatesANominalClassWithMissingValues() throws Exception {
        Evaluation eval = crossValidate("breast-cancer.arff");
        assertTrue(eval.pctCorrect() > 65, eval.toSummaryString());
        assertTrue(eval.weightedAreaUnderROC() > 0.6, "AUC " + eval.weightedAreaUnderROC());
    }

    @Test
    void crossValidatesANumericClass() throws Exception {
        Evaluation eval = crossValidate("cpu.arff");
        assertTrue(eval.correlationCoefficient() > 0.7, eval.toSummaryString());
    }

    @Test
    void instancesWithAMissingClassAreUnlabelledRowsUnlessTurnedOff() throws Exception {
        Instances data = load("iris.arff");
        int unlabelled = 0;
        for (int i = 0; i < data.numInstances(); i += 3) {
            data.instance(i).setClassMissing();
            unlabelled++;
        }
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.buildClassifier(data);
        assertTrue(npt.toString().contains(unlabelled + " unlabelled"), npt.toString());
        assertTrue(npt.toString().contains("Context: " + (data.numInstances() - unlabelled) + " training instances"), npt.toString());
        assertEquals(150, data.numInstances(), "the caller's data are left whole");

        npt.setUnlabelledRows(false);
        npt.buildClassifier(data);
        assertTrue(npt.toString().contains(" 0 unlabelled"), npt.toString());
    }

    @Test
    void instancesWithAnotherHeaderGetWekasClearMessage() throws Exception {
        Instances train = load("iris.arff");
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.setSteps(2);
        npt.buildClassifier(train);
        Instances fewer = new Instances(train);
        fewer.setClassIndex(-1);
        fewer.deleteAttributeAt(0);
        fewer.setClassIndex(fewer.numAttributes() - 1);
        weka.core.WekaException e = assertThrows(weka.core.WekaException.class, () -> npt.distributionsForInstances(fewer));
        assertTrue(e.getMessage().contains("do not match the training data"), e.getMessage());
        assertThrows(weka.core.WekaException.class, () -> npt.distributionForInstance(fewer.instance(0)));
    }

    @Test
    void optionsRoundTripAndAPresetSetsEverySetting() throws Exception {
        NonParametricTransformer npt = new NonParametricTransformer();
        npt.setOptions(new String[] {"-preset", "PAPER", "-steps", "7", "-no-abd", "-S", "3"});
        assertEquals(64, npt.getEmbeddingDim(), "from the preset");
        assertEquals(7, npt.getSteps(), "given explicitly");
        assertFalse(npt.getAttentionBetweenDatapoints());
        assertFalse(npt.nptConfig().get(Settings.ATTENTION_BETWEEN_DATAPOINTS));
        assertEquals(3, npt.nptConfig().get(Settings.SEED));
        assertEquals(List.of("-preset", "PAPER", "-no-abd", "-steps", "7"), List.of(npt.getOptions()).subList(0, 5),
                "the preset, then what differs from it");

        NonParametricTransformer copy = (NonParametricTransformer) AbstractClassifier.makeCopy(npt);
        assertArrayEquals(npt.getOptions(), copy.getOptions());
        assertEquals(npt.nptConfig(), copy.nptConfig());

        copy.setOptions(new String[0]);
        assertEquals(new NonParametricTransformer().nptConfig(), copy.nptConfig(), "options left out take the defaults");
        assertEquals(8, copy.getEmbeddingDim());
    }

    @Test
    void aFlagLeftOutKeepsThePresetsValueAndBothFormsContradict() throws Exception {
        NonParametricTransformer npt = new NonParametricTransformer();
        npt.setOptions(new String[] {"-class-balanced"});
        assertTrue(npt.getClassBalancedBatches());
        npt.setOptions(new String[] {"-steps", "5"});
        assertFalse(npt.getClassBalancedBatches(), "options left out take the preset's value");
        assertTrue(npt.getAttentionBetweenDatapoints());
        Exception both = assertThrows(Exception.class, () -> npt.setOptions(new String[] {"-abd", "-no-abd"}));
        assertTrue(both.getMessage().contains("-abd and -no-abd"), both.getMessage());
        Exception range = assertThrows(Exception.class, () -> npt.setOptions(new String[] {"-hidden-dropout", "1.5"}));
        assertEquals("Option -hidden-dropout: must be in [0, 1), got 1.5", range.getMessage());
        Exception text = assertThrows(Exception.class, () -> npt.setOptions(new String[] {"-depth", "deep"}));
        assertEquals("Option -depth: cannot read 'deep' as a whole number", text.getMessage());
    }

    @Test
    void impossibleSettingsNameTheirOption() throws Exception {
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.setHeads(3);
        Exception e = assertThrows(Exception.class, () -> npt.buildClassifier(load("cpu.arff")));
        assertTrue(e.getMessage().contains("-heads"), e.getMessage());
    }

    @Test
    void stringAttributesAreRefusedThroughCapabilities() {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("text", (List<String>) null));
        attributes.add(new Attribute("y", List.of("a", "b")));
        Instances data = new Instances("strings", attributes, 2);
        data.setClassIndex(1);
        assertThrows(UnsupportedAttributeTypeException.class, () -> NonParametricTransformerTest.tiny().buildClassifier(data));
    }

    @Test
    void dateAttributesAndMissingValuesNeedNoFilter() throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("when", "yyyy-MM-dd"));
        attributes.add(new Attribute("x"));
        attributes.add(new Attribute("y"));
        Instances data = new Instances("dates", attributes, 40);
        data.setClassIndex(2);
        Random r = new Random(4);
        for (int i = 0; i < 40; i++) {
            double day = 1.6e12 + i * 86_400_000.0;
            double x = r.nextGaussian();
            double[] v = {day, i % 7 == 0 ? Utils.missingValue() : x, 2 * x + i / 40.0};
            data.add(new DenseInstance(1, v));
        }
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.buildClassifier(data);
        assertFalse(Double.isNaN(npt.classifyInstance(data.instance(0))));
    }

    @Test
    void progressReachesTheExplorerLogAndTheSummaryDescribesTheModel() throws Exception {
        List<String> status = new ArrayList<>();
        List<String> log = new ArrayList<>();
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.setSteps(20);
        npt.setLog(new Logger() {
            @Override
            public void logMessage(String message) {
                log.add(message);
            }

            @Override
            public void statusMessage(String message) {
                status.add(message);
            }
        });
        npt.buildClassifier(load("cpu.arff"));
        assertEquals(20, status.size(), "a status line per step");
        assertTrue(log.size() >= 10 && log.get(log.size() - 1).contains("step 20/20"), log.toString());
        String summary = npt.toString();
        for (String part : new String[] {"Non-Parametric Transformer", "Context: 209 training instances", "Training: 20 steps",
                "Best validation loss", "Parameters", "e=8, 2 layers", "depth=2"}) {
            assertTrue(summary.contains(part), part + " in\n" + summary);
        }
    }

    @Test
    void progressGoesToStandardErrorOnlyOnTheCommandLineOrWithDebug() throws Exception {
        String[] commandLine = {"-t", ARFF.resolve("iris.arff").toString(), "-no-cv", "-embedding-dim", "8", "-depth", "2",
            "-heads", "2", "-steps", "10", "-learning-rate", "0.01"};
        String fromCommandLine = standardErrorOf(() -> AbstractClassifier.runClassifier(new NonParametricTransformer(), commandLine));
        assertTrue(fromCommandLine.contains("NonParametricTransformer: step 10/10"), fromCommandLine);

        // Called from code, as the Experimenter and the Knowledge Flow do, without a Logger.
        Instances data = load("iris.arff");
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        assertEquals("", standardErrorOf(() -> npt.buildClassifier(data)));
        npt.setDebug(true);
        String withDebug = standardErrorOf(() -> npt.buildClassifier(data));
        assertTrue(withDebug.contains("NonParametricTransformer: step 6/6"), withDebug);
    }

    @Test
    void aNominalValueUnseenInTrainingIsAMissingValueWithoutAWarning() throws Exception {
        // Train on breast-cancer without its one instance of age '20-29', a value the header declares.
        Instances data = load("breast-cancer.arff");
        Attribute age = data.attribute("age");
        Instances train = new Instances(data, 0);
        Instance young = null;
        for (Instance row : data) {
            if (row.stringValue(age).equals("20-29")) {
                young = row;
            } else {
                train.add(row);
            }
        }
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.buildClassifier(train);
        Instance ageMissing = (Instance) young.copy();
        ageMissing.setMissing(age);

        List<String> warnings = new ArrayList<>();
        java.util.logging.Logger encoderLog = java.util.logging.Logger.getLogger("org.npt4j.core.encoding.TableEncoder");
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        encoderLog.addHandler(recorder);
        try {
            assertArrayEquals(npt.distributionForInstance(ageMissing), npt.distributionForInstance(young), 1e-6);
        } finally {
            encoderLog.removeHandler(recorder);
        }
        assertEquals(List.of(), warnings, "Weka declares every nominal value: a value a training fold lacks is routine");
    }

    /** Code that may throw, run by {@link #standardErrorOf}. */
    private interface Action {
        void run() throws Exception;
    }

    /** @return what {@code action} printed on standard error; its standard output is dropped */
    private static String standardErrorOf(Action action) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSavedModelPredictsTheSameInAFreshJvm(@TempDir Path dir) throws Exception {
        Instances data = load("breast-cancer.arff");
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.buildClassifier(data);
        File model = dir.resolve("npt.model").toFile();
        SerializationHelper.write(model.getPath(), npt);
        String expected = LoadAndPredict.predictions(npt, data);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", classpath, LoadAndPredict.class.getName(), model.getPath(),
                ARFF.resolve("breast-cancer.arff").toString());
        pb.environment().put("DJL_OFFLINE", "true");
        pb.redirectErrorStream(false);
        Process child = pb.start();
        byte[] out = child.getInputStream().readAllBytes();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), err);
        assertEquals(expected, new String(out, StandardCharsets.UTF_8));
    }
}
