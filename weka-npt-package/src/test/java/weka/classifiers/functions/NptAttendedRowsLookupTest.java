package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.training.LookupTask;
import org.npt4j.weka.AttendedInstance;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.output.prediction.NptAttendedRows;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * On the lookup task (noise targets that only a duplicate row reveals), a row's duplicate is the
 * training instance its prediction attends to most, through {@link
 * NonParametricTransformer#attendedRows} and through the prediction output {@link NptAttendedRows}.
 * The duplicates are the classifier's training instances, the originals the instances predicted.
 */
class NptAttendedRowsLookupTest {

    private static final int PAIRS = LookupTask.PAIRS;
    private static final String Y = "y";
    /** A prediction line of PlainText, "inst#, actual, predicted, error", and the attended line under it. */
    private static final Pattern PREDICTION = Pattern.compile(
            "^\\s+(\\d+)\\s+(-?[0-9.]+)\\s+(-?[0-9.]+)\\s+\\S+\\s*\\n\\s+attended #(\\d+) \\((-?[0-9.]+), (-?[0-9.]+)\\)\\s*$",
            Pattern.MULTILINE);

    private static NptModel trained;
    private static float[][] cells;
    private static Instances duplicates;
    private static Instances originals;
    private static NonParametricTransformer npt;

    @BeforeAll
    static void trainOnTheLookupTask() {
        // A Weka-built model memorises its one fixed table; the lookup skill needs a fresh table every
        // step, which only the core's training loop offers, so the classifier wraps weights trained there.
        trained = LookupTask.train(true, Y);
        cells = LookupTask.pairs(new SplittableRandom(123));
        duplicates = instances(PAIRS, 2 * PAIRS);
        originals = instances(0, PAIRS);
        npt = NonParametricTransformer.withTrainedModel(trained, duplicates);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    /** Rows {@code from..to-1} of the cells as instances x0..x11 with the numeric class y. */
    private static Instances instances(int from, int to) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int j = 0; j < LookupTask.FEATURES; j++) {
            attributes.add(new Attribute("x" + j));
        }
        attributes.add(new Attribute(Y));
        Instances data = new Instances("lookup", attributes, to - from);
        data.setClassIndex(LookupTask.FEATURES);
        for (int i = from; i < to; i++) {
            double[] values = new double[LookupTask.FEATURES + 1];
            for (int j = 0; j <= LookupTask.FEATURES; j++) {
                values[j] = cells[j][i];
            }
            data.add(new DenseInstance(1, values));
        }
        return data;
    }

    /** @return the originals whose top-attended training instance is their duplicate, by attendedRows */
    private static TreeSet<Integer> duplicateFirst() throws Exception {
        TreeSet<Integer> hits = new TreeSet<>();
        for (int i = 0; i < PAIRS; i++) {
            List<AttendedInstance> top = npt.attendedRows(originals.instance(i), 1);
            assertEquals(1, top.size());
            if (top.get(0).index() == i) {
                hits.add(i);
                // The index names the duplicate among the training instances, and so does the class beside it.
                assertEquals(duplicates.instance(i).classValue(), top.get(0).classValue(), 0.0);
            }
        }
        return hits;
    }

    @Test
    void eachRowAttendsMostToItsDuplicate() throws Exception {
        int hits = duplicateFirst().size();
        System.out.println("Weka lookup: the duplicate is the most attended training instance for " + hits + " of " + PAIRS);
        assertTrue(hits >= 0.9 * PAIRS, "the duplicate comes first for " + hits + " of " + PAIRS + " rows");
    }

    /**
     * What the Explorer prints with Output predictions set to NptAttendedRows: under each original's
     * prediction its duplicate's number, counted from 1 as Weka counts instances, and the duplicate's
     * target, which the prediction copies.
     */
    @Test
    void thePredictionOutputNamesTheDuplicateUnderEachPrediction() throws Exception {
        NptAttendedRows output = new NptAttendedRows();
        output.setAttendedRows(1);
        StringBuffer text = new StringBuffer();
        output.setHeader(duplicates);
        output.setBuffer(text);
        output.printHeader();
        Evaluation evaluation = new Evaluation(duplicates);
        evaluation.evaluateModel(npt, originals, output);
        output.printFooter();
        String printed = text.toString();
        assertFalse(printed.contains("No attended training instances were reported"), printed);

        TreeSet<Integer> named = new TreeSet<>();
        int predictions = 0;
        Matcher m = PREDICTION.matcher(printed);
        while (m.find()) {
            int instance = Integer.parseInt(m.group(1));
            int attended = Integer.parseInt(m.group(4));
            assertEquals(predictions + 1, instance, printed);
            if (attended == instance) {
                named.add(instance - 1);
                assertEquals(duplicates.instance(instance - 1).classValue(), Double.parseDouble(m.group(6)), 5e-4, m.group());
            }
            predictions++;
        }
        assertEquals(PAIRS, predictions, printed);
        // Scored as one batch, each prediction attends exactly as it does alone.
        assertEquals(duplicateFirst(), named, printed);
        // Targets are N(0, 1) noise: predicting their mean scores about 1, copying the duplicates near 0.
        assertTrue(evaluation.rootMeanSquaredError() < 0.5, "RMSE " + evaluation.rootMeanSquaredError());
    }

    @Test
    void refusesInstancesThatAreNotTheModelsColumns() {
        Instances renamed = new Instances(duplicates);
        renamed.renameAttribute(0, "z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NonParametricTransformer.withTrainedModel(trained, renamed));
        assertTrue(e.getMessage().contains("z"), e.getMessage());
        Instances unlabelled = new Instances(duplicates);
        unlabelled.instance(3).setClassMissing();
        assertThrows(IllegalArgumentException.class, () -> NonParametricTransformer.withTrainedModel(trained, unlabelled));
    }
}
