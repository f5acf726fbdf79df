package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.swing.DefaultListModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Classifier;
import weka.classifiers.trees.J48;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Range;
import weka.core.converters.ConverterUtils.DataSource;
import weka.experiment.ClassifierSplitEvaluator;
import weka.experiment.CrossValidationResultProducer;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.PairedTTester;
import weka.experiment.PropertyNode;
import weka.experiment.ResultMatrixPlainText;

/**
 * NPT in Weka's Experimenter: a tiny NPT against J48 and Logistic on two nominal-class ARFF files,
 * 2 repetitions of 3-fold cross-validation, set up as the Experimenter's Setup tab does and read as
 * its Analyse tab does with the corrected paired t-tester. The experiment runs once, for all tests.
 */
class ExperimenterTest {

    private static final List<String> DATASETS = List.of("iris.arff", "breast-cancer.arff");
    private static final int RUNS = 2;
    private static final int FOLDS = 3;
    /** NPT, J48 and Logistic. */
    private static final int CLASSIFIERS = 3;

    @TempDir
    static Path dir;

    private static Instances results;
    private static PairedTTester tester;
    private static String comparison;
    /** What Weka's Experimenter writes to standard error on its own, without NPT. */
    private static List<String> wekasOwnOutput;
    private static List<String> outputWithNpt;

    @BeforeAll
    static void runTheExperiment() throws Exception {
        // The same experiment without NPT first: the Experimenter itself prints a line or two to
        // standard error, and what counts is what NPT adds to them.
        Experiment withoutNpt = crossValidationExperiment(new Classifier[] {new J48(), new Logistic()},
                dir.resolve("without-npt.arff").toFile());
        wekasOwnOutput = standardErrorOf(withoutNpt);

        Classifier[] classifiers = {tinyNpt(), new J48(), new Logistic()};
        File resultFile = dir.resolve("results.arff").toFile();
        Experiment experiment = crossValidationExperiment(classifiers, resultFile);
        long start = System.nanoTime();
        outputWithNpt = standardErrorOf(experiment);
        System.out.printf("Experimenter: %d trainings in %.1f s%n", CLASSIFIERS * DATASETS.size() * RUNS * FOLDS,
                (System.nanoTime() - start) / 1e9);

        results = DataSource.read(resultFile.getPath());
        tester = correctedTTester(results);
        comparison = tester.multiResultsetFull(0, results.attribute("Percent_correct").index());
        System.out.println(comparison);
    }

    /** NPT with few steps of a tiny model: 12 of the 36 trainings are NPT's, and the test should take seconds. */
    private static NonParametricTransformer tinyNpt() {
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.setSteps(20);
        npt.setEvaluationInterval(5);
        return npt;
    }

    /**
     * The experiment the Experimenter's simple Setup tab builds for "Cross-validation, Classification":
     * a cross-validation result producer around a classifier split evaluator, and the classifiers as
     * the values its property iterator puts at the split evaluator's {@code classifier} property.
     */
    private static Experiment crossValidationExperiment(Classifier[] classifiers, File resultFile) throws Exception {
        ClassifierSplitEvaluator evaluator = new ClassifierSplitEvaluator();
        CrossValidationResultProducer producer = new CrossValidationResultProducer();
        producer.setNumFolds(FOLDS);
        producer.setSplitEvaluator(evaluator);

        Experiment experiment = new Experiment();
        experiment.setResultProducer(producer);
        experiment.setPropertyPath(new PropertyNode[] {
            new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator", CrossValidationResultProducer.class),
                    CrossValidationResultProducer.class),
            new PropertyNode(evaluator.getClassifier(), new PropertyDescriptor("classifier", ClassifierSplitEvaluator.class),
                    ClassifierSplitEvaluator.class)});
        experiment.setPropertyArray(classifiers);
        experiment.setUsePropertyIterator(true);
        experiment.setRunLower(1);
        experiment.setRunUpper(RUNS);

        DefaultListModel<File> datasets = new DefaultListModel<>();
        DATASETS.forEach(name -> datasets.addElement(WekaWorkflowTest.ARFF.resolve(name).toFile()));
        experiment.setDatasets(datasets);

        InstancesResultListener listener = new InstancesResultListener();
        listener.setOutputFile(resultFile);
        experiment.setResultListener(listener);
        return experiment;
    }

    /** The Analyse tab's tester: rows are data sets, columns are classifiers (scheme, options, version), pairs are run and fold. */
    private static PairedTTester correctedTTester(Instances results) {
        PairedTTester t = new PairedCorrectedTTester();
        t.setInstances(results);
        t.setDatasetKeyColumns(new Range(column(results, "Key_Dataset")));
        t.setRunColumn(results.attribute("Key_Run").index());
        t.setFoldColumn(results.attribute("Key_Fold").index());
        t.setResultsetKeyColumns(new Range(column(results, "Key_Scheme") + "," + column(results, "Key_Scheme_options") + ","
                + column(results, "Key_Scheme_version_ID")));
        t.setSignificanceLevel(0.05);
        t.setSortColumn(-1);
        t.setShowStdDevs(true);
        t.setResultMatrix(new ResultMatrixPlainText());
        return t;
    }

    /** @return the attribute's 1-based index, as a {@link Range} reads it */
    private static String column(Instances data, String attribute) {
        return String.valueOf(data.attribute(attribute).index() + 1);
    }

    /**
     * Runs the experiment as the Experimenter's Run tab does and returns the lines it wrote to
     * standard error, directly or through java.util.logging (where DJL logs, through
     * slf4j-jdk14). The console handler keeps the System.err it was created with, so log records
     * are caught by a handler of their own, at the console handler's level.
     */
    private static List<String> standardErrorOf(Experiment experiment) throws Exception {
        List<String> lines = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        recorder.setLevel(Level.INFO);
        Logger root = Logger.getLogger("");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.err;
        root.addHandler(recorder);
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            experiment.initialize();
            experiment.runExperiment();
            experiment.postProcess();
        } finally {
            System.setErr(original);
            root.removeHandler(recorder);
        }
        lines.addAll(bytes.toString(StandardCharsets.UTF_8).lines().toList());
        return lines;
    }

    @Test
    void everyClassifierHasEveryFoldOfEveryRunOnEveryDataset() {
        assertEquals(CLASSIFIERS * DATASETS.size() * RUNS * FOLDS, results.numInstances());
        Map<String, Integer> counts = new TreeMap<>();
        for (Instance row : results) {
            String pair = row.stringValue(results.attribute("Key_Dataset")) + " / " + row.stringValue(results.attribute("Key_Scheme"));
            counts.merge(pair, 1, Integer::sum);
        }
        assertEquals(CLASSIFIERS * DATASETS.size(), counts.size(), counts::toString);
        counts.forEach((pair, n) -> assertEquals(RUNS * FOLDS, n, pair));
    }

    @Test
    void nptsAccuracyIsAPercentage() {
        int scheme = results.attribute("Key_Scheme").index();
        int correct = results.attribute("Percent_correct").index();
        int seen = 0;
        for (Instance row : results) {
            if (row.stringValue(scheme).equals(NonParametricTransformer.class.getName())) {
                double pct = row.value(correct);
                assertTrue(pct >= 0 && pct <= 100, "Percent_correct " + pct); // false for NaN too
                seen++;
            }
        }
        assertEquals(DATASETS.size() * RUNS * FOLDS, seen);
    }

    @Test
    void theCorrectedTTesterComparesTheThreeClassifiersOnBothDatasets() {
        assertEquals(DATASETS.size(), tester.getNumDatasets(), comparison);
        assertEquals(CLASSIFIERS, tester.getNumResultsets(), comparison);
        assertEquals(DATASETS.size(), tester.getResultMatrix().getRowCount(), comparison);
        assertEquals(CLASSIFIERS, tester.getResultMatrix().getColCount(), comparison);
        for (String name : new String[] {"functions.NonParametricTransformer", "trees.J48", "functions.Logistic", "iris",
            "breast-cancer"}) {
            assertTrue(comparison.contains(name), name + " in\n" + comparison);
        }
    }

    @Test
    void nptAddsNothingToStandardErrorInTheExperimenter() {
        List<String> added = new ArrayList<>(outputWithNpt);
        added.removeAll(wekasOwnOutput);
        assertTrue(added.isEmpty(), () -> "NPT's lines on standard error or for the console log:\n" + String.join("\n", added));
    }
}
