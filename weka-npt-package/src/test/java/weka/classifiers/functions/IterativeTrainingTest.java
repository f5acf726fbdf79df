package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.evaluation.Evaluation;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.WekaException;

/**
 * NPT is one of Weka's iterative classifiers: trained to step N with -resume, then continued to
 * step N + M (in the same object as the Explorer's "Continue iterating" does, after saving and
 * loading, or from Weka's command line with -continue-iterating), it predicts exactly as a model
 * trained to step N + M in one go.
 */
class IterativeTrainingTest {

    private static final int PLANNED = 12;

    /** The tiny test settings with 12 planned steps and Lookahead every 4, so a stop at step 5 falls between synchronisations. */
    private static NonParametricTransformer tiny() {
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.setSteps(PLANNED);
        npt.setLookaheadSteps(4);
        return npt;
    }

    /**
     * What the Explorer's "Continue iterating" and Weka's -continue-iterating do: initialise, iterate until
     * {@code next()} says no, finish.
     *
     * @return the iterations run
     */
    private static int iterate(NonParametricTransformer npt, Instances data) throws Exception {
        npt.initializeClassifier(data);
        int steps = 0;
        while (npt.next()) {
            steps++;
        }
        npt.done();
        return steps;
    }

    private static double[][] oneGo(Instances data) throws Exception {
        NonParametricTransformer whole = tiny();
        whole.buildClassifier(data);
        return whole.distributionsForInstances(data);
    }

    @Test
    void continuingInTheSameObjectEqualsTrainingInOneGo() throws Exception {
        Instances data = WekaWorkflowTest.load("iris.arff");
        NonParametricTransformer npt = tiny();
        npt.setNumIterations(5);
        npt.setResume(true);
        npt.buildClassifier(data);
        assertTrue(npt.toString().contains("Training: 5 steps"), npt.toString());
        assertTrue(npt.toString().contains("continue from step 5 up to step 12"), npt.toString());

        // What the Explorer's "Continue iterating" does, after the user raises -I.
        npt.setNumIterations(0);
        int steps = iterate(npt, data);
        assertTrue(steps == PLANNED - 5, steps + " more steps");
        assertArrayEquals(oneGo(data), npt.distributionsForInstances(data));
    }

    @Test
    void aSavedResumableModelContinuesFromWhereItStopped(@TempDir Path dir) throws Exception {
        Instances data = WekaWorkflowTest.load("iris.arff");
        NonParametricTransformer npt = tiny();
        npt.setNumIterations(7);
        npt.setResume(true);
        npt.buildClassifier(data);
        Path file = dir.resolve("npt.model");
        SerializationHelper.write(file.toString(), npt);

        NonParametricTransformer loaded = (NonParametricTransformer) SerializationHelper.read(file.toString());
        // Continuing keeps the settings the training started with, whatever the options say now.
        loaded.setSteps(3);
        loaded.setNumIterations(PLANNED);
        iterate(loaded, data);
        assertArrayEquals(oneGo(data), loaded.distributionsForInstances(data));
    }

    @Test
    void wekasCommandLineContinuesALoadedModel(@TempDir Path dir) throws Exception {
        String iris = WekaWorkflowTest.ARFF.resolve("iris.arff").toString();
        String model = dir.resolve("npt.model").toString();
        String[] tinyOptions = {"-embedding-dim", "8", "-depth", "2", "-heads", "2", "-steps", Integer.toString(PLANNED),
            "-evaluation-interval", "2", "-learning-rate", "0.01", "-lookahead-steps", "4"};
        Evaluation.evaluateModel(new NonParametricTransformer(),
                concat(new String[] {"-t", iris, "-no-cv", "-d", model, "-I", "6", "-resume"}, tinyOptions));
        String continued = Evaluation.evaluateModel(new NonParametricTransformer(),
                new String[] {"-l", model, "-t", iris, "-T", iris, "-continue-iterating", "-clean-up", "-I", "0", "-d", model});
        assertTrue(continued.contains("Training: 12 steps"), continued);
        NonParametricTransformer loaded = (NonParametricTransformer) SerializationHelper.read(model);
        assertFalse(loaded.toString().contains("Resumable"), "-clean-up drops the training state");
        assertArrayEquals(oneGo(WekaWorkflowTest.load("iris.arff")), loaded.distributionsForInstances(WekaWorkflowTest.load("iris.arff")));
        assertTrue(Files.size(Path.of(model)) > 0);
    }

    @Test
    void earlyStoppingEndsTheIterationsBeforeTheTarget() throws Exception {
        NonParametricTransformer npt = tiny();
        npt.setSteps(200);
        npt.setEvaluationInterval(1);
        npt.setPatience(1);
        int steps = iterate(npt, WekaWorkflowTest.load("iris.arff"));
        assertTrue(steps < 200, steps + " steps");
        assertTrue(npt.toString().contains("Stopped early after step " + steps + " of 200"), npt.toString());
    }

    @Test
    void iterationsBeyondThePlannedStepsAreRefusedWithAdvice() throws Exception {
        NonParametricTransformer npt = tiny();
        npt.setNumIterations(PLANNED + 1);
        WekaException e = assertThrows(WekaException.class, () -> npt.buildClassifier(WekaWorkflowTest.load("iris.arff")));
        assertTrue(e.getMessage().contains("-I 13 is beyond -steps 12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> npt.setNumIterations(-1));
    }

    @Test
    void withoutResumeNothingIsKeptAndContinuingStartsAgain() throws Exception {
        Instances data = WekaWorkflowTest.load("iris.arff");
        NonParametricTransformer npt = tiny();
        npt.setNumIterations(5);
        npt.buildClassifier(data);
        assertFalse(npt.toString().contains("Resumable"), npt.toString());
        npt.setNumIterations(0);
        iterate(npt, data);
        assertArrayEquals(oneGo(data), npt.distributionsForInstances(data));
        String[] options = npt.getOptions();
        NonParametricTransformer copy = new NonParametricTransformer();
        npt.setResume(true);
        npt.setNumIterations(9);
        copy.setOptions(npt.getOptions());
        assertTrue(copy.getResume() && copy.getNumIterations() == 9, String.join(" ", options));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
