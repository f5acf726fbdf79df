package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.weka.AttendedInstance;
import weka.classifiers.AbstractClassifier;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.core.WekaException;

/**
 * {@link NonParametricTransformer#attendedRows}: the training instances a prediction attended to,
 * numbered as the user's training instances even where some are not in the model's context, and
 * the {@code -attended-rows} option.
 */
class AttendedRowsTest {

    /** Iris with every fifth instance's class missing, from the first on. */
    static Instances irisWithMissingClasses() throws Exception {
        Instances data = WekaWorkflowTest.load("iris.arff");
        for (int i = 0; i < data.numInstances(); i += 5) {
            data.instance(i).setClassMissing();
        }
        return data;
    }

    @Test
    void theOptionRoundTripsAndRefusesNegativeCounts() throws Exception {
        NonParametricTransformer npt = new NonParametricTransformer();
        assertEquals(0, npt.getAttendedRows());
        assertFalse(Arrays.asList(npt.getOptions()).contains("-attended-rows"), "the default stays off the command line");
        npt.setOptions(new String[] {"-attended-rows", "4", "-steps", "9"});
        assertEquals(4, npt.getAttendedRows());
        NonParametricTransformer copy = (NonParametricTransformer) AbstractClassifier.makeCopy(npt);
        assertEquals(4, copy.getAttendedRows(), String.join(" ", npt.getOptions()));
        copy.setOptions(new String[0]);
        assertEquals(0, copy.getAttendedRows(), "an option left out resets it");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> npt.setAttendedRows(-1));
        assertTrue(e.getMessage().contains("-attended-rows"), e.getMessage());
    }

    /**
     * Without unlabelled rows, training on data with missing classes trains exactly the model of
     * the same data with those instances deleted; its attended instances are the same, renumbered
     * as the instances of the data it was given.
     */
    @Test
    void indicesCountTheGivenInstancesSkippingThoseWithAMissingClass() throws Exception {
        Instances holes = irisWithMissingClasses();
        Instances labelled = new Instances(holes);
        labelled.deleteWithMissingClass();
        int[] holesIndex = java.util.stream.IntStream.range(0, holes.numInstances())
                .filter(i -> !holes.instance(i).classIsMissing()).toArray();
        NonParametricTransformer withHoles = NonParametricTransformerTest.tiny();
        withHoles.setUnlabelledRows(false);
        withHoles.buildClassifier(holes);
        NonParametricTransformer without = NonParametricTransformerTest.tiny();
        without.setUnlabelledRows(false);
        without.buildClassifier(labelled);

        Instances test = new Instances(holes, 0, 30);
        List<List<AttendedInstance>> a = withHoles.attendedRows(test, 4);
        List<List<AttendedInstance>> b = without.attendedRows(test, 4);
        assertEquals(30, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(4, a.get(i).size());
            for (int r = 0; r < 4; r++) {
                AttendedInstance x = a.get(i).get(r);
                AttendedInstance y = b.get(i).get(r);
                assertEquals(holesIndex[y.index()], x.index(), "instance " + i + ", rank " + r);
                assertEquals(y.weight(), x.weight(), 0.0);
                assertEquals(y.classValue(), x.classValue(), 0.0);
            }
        }
    }

    /** With unlabelled rows (the default) the instances with a missing class train too, but are never attended to. */
    @Test
    void unlabelledInstancesAreNeverNamedAndTheOthersKeepTheirNumbers() throws Exception {
        Instances train = irisWithMissingClasses();
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.buildClassifier(train);
        List<List<AttendedInstance>> attended = npt.attendedRows(train, 200);
        for (List<AttendedInstance> rows : attended) {
            assertEquals(120, rows.size(), "the 120 instances with a class, and only those");
            double total = 0;
            for (int r = 0; r < rows.size(); r++) {
                AttendedInstance a = rows.get(r);
                assertFalse(train.instance(a.index()).classIsMissing(), "instance " + a.index() + " has no class");
                assertEquals(train.instance(a.index()).classValue(), a.classValue(), 0.0, "instance " + a.index());
                assertTrue(r == 0 || rows.get(r - 1).weight() >= a.weight(), "most attended first");
                total += a.weight();
            }
            assertTrue(total > 0 && total <= 1 + 1e-5, "weights over the context sum to at most 1: " + total);
        }
        assertEquals(attended.get(7), npt.attendedRows(train.instance(7), 200), "one instance alone attends as in a batch");
        NonParametricTransformer loaded = (NonParametricTransformer) new SerializedObject(npt).getObject();
        assertEquals(attended.get(7), loaded.attendedRows(train.instance(7), 200), "a saved model names the same instances");
    }

    /** Identical training instances are identical context rows: attended to exactly alike, next to each other. */
    @Test
    void identicalTrainingInstancesShareTheirWeight() throws Exception {
        Instances train = WekaWorkflowTest.load("iris.arff");
        train.add((weka.core.Instance) train.instance(3).copy());
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.buildClassifier(train);
        for (List<AttendedInstance> rows : npt.attendedRows(new Instances(train, 0, 20), 151)) {
            int[] ranks = new int[2];
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).index() == 3) {
                    ranks[0] = r;
                } else if (rows.get(r).index() == 150) {
                    ranks[1] = r;
                }
            }
            assertEquals(1, Math.abs(ranks[1] - ranks[0]), "the copy ranks next to the original");
            assertEquals(rows.get(ranks[0]).weight(), rows.get(ranks[1]).weight(), 1e-6 * rows.get(ranks[0]).weight());
        }
    }

    @Test
    void explainsWhyNoInstanceIsAttendedTo() throws Exception {
        Instances iris = WekaWorkflowTest.load("iris.arff");
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        Exception untrained = assertThrows(WekaException.class, () -> npt.attendedRows(iris.instance(0), 3));
        assertTrue(untrained.getMessage().contains("not been trained"), untrained.getMessage());

        Instances oneClass = new Instances(iris, 0, 40);
        npt.buildClassifier(oneClass);
        Exception zeroR = assertThrows(WekaException.class, () -> npt.attendedRows(iris.instance(0), 3));
        assertTrue(zeroR.getMessage().contains("ZeroR"), zeroR.getMessage());

        NonParametricTransformer noAbd = NonParametricTransformerTest.tiny();
        noAbd.setAttentionBetweenDatapoints(false);
        noAbd.buildClassifier(iris);
        Exception off = assertThrows(WekaException.class, () -> noAbd.attendedRows(iris.instance(0), 3));
        assertTrue(off.getMessage().contains("-no-abd"), off.getMessage());
        assertThrows(IllegalArgumentException.class, () -> noAbd.attendedRows(iris.instance(0), 0));
    }
}
