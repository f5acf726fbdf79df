package weka.classifiers.evaluation.output.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.NonParametricTransformer;
import weka.classifiers.rules.ZeroR;
import weka.core.Instances;
import weka.core.converters.ArffSaver;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.HierarchyPropertyParser;

/**
 * The prediction output that prints, under each prediction, the training instances NPT attended
 * to: through {@link Evaluation} as the Explorer drives it, and on Weka's command line.
 */
class NptAttendedRowsTest {

    private static final Path IRIS = Path.of("../data/weka_example_arff/iris.arff");
    /** "#12 (0.412, Iris-setosa)": a training instance's number from 1, its weight and class. */
    private static final Pattern ENTRY = Pattern.compile("#(\\d+) \\(([0-9.]+), ([\\w-]+)\\)");

    private static Instances iris() throws Exception {
        Instances data = DataSource.read(IRIS.toString());
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    private static NonParametricTransformer tiny() {
        NonParametricTransformer npt = new NonParametricTransformer();
        npt.setEmbeddingDim(8);
        npt.setDepth(2);
        npt.setHeads(2);
        npt.setSteps(6);
        npt.setEvaluationInterval(2);
        return npt;
    }

    /** What the Explorer does with "Output predictions": header, evaluation on the test set, footer. */
    private static String evaluate(Classifier classifier, Instances train, Instances test, NptAttendedRows output) throws Exception {
        classifier.buildClassifier(train);
        StringBuffer text = new StringBuffer();
        output.setHeader(train);
        output.setBuffer(text);
        output.printHeader();
        new Evaluation(train).evaluateModel(classifier, test, output);
        output.printFooter();
        return text.toString();
    }

    /** Opens up the tree of classes that the Explorer's "Output predictions" chooser shows. */
    private static final class Chooser extends GenericObjectEditor {
        private static final long serialVersionUID = 1L;

        List<String> leaves() throws Exception {
            List<String> leaves = new ArrayList<>();
            Hashtable<String, HierarchyPropertyParser> trees = getClassesFromProperties();
            for (HierarchyPropertyParser tree : trees.values()) {
                tree.goToRoot();
                collect(tree, leaves);
            }
            return leaves;
        }

        private static void collect(HierarchyPropertyParser tree, List<String> leaves) throws Exception {
            if (tree.isLeafReached()) {
                leaves.add(tree.fullValue());
                return;
            }
            for (int i = 0; i < tree.numChildren(); i++) {
                tree.goToChild(i);
                collect(tree, leaves);
                tree.goToParent();
            }
        }
    }

    @Test
    void theExplorersOutputPredictionsChooserListsIt() throws Exception {
        Chooser chooser = new Chooser();
        chooser.setClassType(AbstractOutput.class);
        List<String> leaves = chooser.leaves();
        assertTrue(leaves.contains(NptAttendedRows.class.getName()), leaves.toString());
        assertTrue(leaves.contains(PlainText.class.getName()), leaves.toString());
    }

    @Test
    void optionsRoundTripThroughTheCommandLineForm() throws Exception {
        AbstractOutput parsed = AbstractOutput.fromCommandline(NptAttendedRows.class.getName() + " -k 5 -decimals 4");
        NptAttendedRows output = (NptAttendedRows) parsed;
        assertEquals(5, output.getAttendedRows());
        assertEquals(4, output.getNumDecimals());
        NptAttendedRows copy = new NptAttendedRows();
        copy.setOptions(output.getOptions());
        assertEquals(5, copy.getAttendedRows());
        assertEquals(4, copy.getNumDecimals());
        assertEquals(0, new NptAttendedRows().getAttendedRows(), "by default the classifier's -attended-rows");
    }

    /**
     * Each prediction is followed by its attended training instances, numbered from 1 as in the
     * training data: the instances with a missing class, which are not in the context, never
     * appear, and every other number names the instance whose class is printed beside it.
     */
    @Test
    void namesTheTrainingInstancesByTheirNumberWithTheirClass() throws Exception {
        Instances train = iris();
        for (int i = 0; i < train.numInstances(); i += 5) {
            train.instance(i).setClassMissing();
        }
        Instances test = new Instances(iris(), 0, 12);
        NptAttendedRows output = new NptAttendedRows();
        output.setAttendedRows(3);
        String text = evaluate(tiny(), train, test, output);

        List<String> lines = text.lines().toList();
        List<String> attended = lines.stream().filter(l -> l.startsWith("          attended #")).toList();
        assertEquals(test.numInstances(), attended.size(), text);
        for (String line : attended) {
            Matcher m = ENTRY.matcher(line);
            int entries = 0;
            while (m.find()) {
                int number = Integer.parseInt(m.group(1));
                assertTrue(number >= 1 && number <= 150, line);
                assertFalse(train.instance(number - 1).classIsMissing(), "#" + number + " has no class: " + line);
                assertEquals(train.classAttribute().value((int) train.instance(number - 1).classValue()), m.group(3), line);
                entries++;
            }
            assertEquals(3, entries, line);
        }
        // Each attended line follows its prediction's line.
        int first = lines.indexOf(attended.get(0));
        assertTrue(lines.get(first - 1).trim().startsWith("1 "), text);
        assertTrue(text.contains("holds 120 of its 150 training instances: the 30 with a missing class"), text);
    }

    @Test
    void takesTheClassifiersSettingWhenItsOwnIsZeroAndSaysWhenNothingWasReported() throws Exception {
        Instances train = iris();
        Instances test = new Instances(train, 0, 3);
        NonParametricTransformer npt = tiny();
        npt.setAttendedRows(2);
        String text = evaluate(npt, train, test, new NptAttendedRows());
        assertEquals(3, text.lines().filter(l -> l.startsWith("          attended #") && l.split("#").length == 3).count(), text);

        String zeroR = evaluate(new ZeroR(), train, test, new NptAttendedRows());
        assertTrue(zeroR.contains("No attended training instances were reported"), zeroR);
        assertFalse(zeroR.contains("attended #"), zeroR);
    }

    @Test
    void printsANumericClassAsItsValue() throws Exception {
        Instances cpu = DataSource.read("../data/weka_example_arff/cpu.arff");
        cpu.setClassIndex(cpu.numAttributes() - 1);
        NptAttendedRows output = new NptAttendedRows();
        output.setAttendedRows(2);
        output.setNumDecimals(1);
        String text = evaluate(tiny(), cpu, new Instances(cpu, 0, 4), output);
        Matcher m = Pattern.compile("#(\\d+) \\(([0-9.]+), ([0-9.]+)\\)").matcher(text);
        int entries = 0;
        while (m.find()) {
            assertEquals(cpu.instance(Integer.parseInt(m.group(1)) - 1).classValue(), Double.parseDouble(m.group(3)), 0.05, text);
            entries++;
        }
        assertEquals(8, entries, text);
    }

    /** Weka's command line: -classifications with a test file, and with a cross-validation. */
    @Test
    void printsAttendedInstancesOnWekasCommandLine(@TempDir Path dir) throws Exception {
        Instances train = iris();
        train.instance(0).setClassMissing();
        Path trainFile = dir.resolve("train.arff");
        ArffSaver saver = new ArffSaver();
        saver.setInstances(train);
        saver.setFile(trainFile.toFile());
        saver.writeBatch();
        String[] tinyOptions = {"-embedding-dim", "8", "-depth", "2", "-heads", "2", "-steps", "6", "-evaluation-interval", "2"};
        String classifications = NptAttendedRows.class.getName() + " -k 2";

        String tested = Evaluation.evaluateModel(new NonParametricTransformer(), concat(new String[] {"-t", trainFile.toString(),
            "-T", IRIS.toString(), "-classifications", classifications}, tinyOptions));
        assertEquals(150, tested.lines().filter(l -> l.startsWith("          attended #")).count(), tested);
        assertFalse(tested.contains("#1 ("), "instance 1 has no class: " + tested);
        assertTrue(tested.contains("holds 149 of its 150 training instances"), tested);

        String crossValidated = Evaluation.evaluateModel(new NonParametricTransformer(), concat(new String[] {"-t",
            IRIS.toString(), "-x", "2", "-classifications", classifications, "-attended-rows", "1"}, tinyOptions));
        assertEquals(150, crossValidated.lines().filter(l -> l.startsWith("          attended #")).count(), crossValidated);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
