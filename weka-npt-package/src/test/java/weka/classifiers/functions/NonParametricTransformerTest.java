package weka.classifiers.functions;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.classifiers.AbstractClassifierTest;
import weka.classifiers.Classifier;

/**
 * Weka's own checks for classifiers (capabilities, option handling, tool tips, no use of the test
 * class value, same seed same model, data left untouched, ...), run on a tiny NPT.
 */
public class NonParametricTransformerTest extends AbstractClassifierTest {

    public NonParametricTransformerTest(String name) {
        super(name);
    }

    /** @return a tiny, fast NPT: Weka's checks train many models on data sets of about 20 instances */
    static NonParametricTransformer tiny() {
        NonParametricTransformer npt = new NonParametricTransformer();
        npt.setEmbeddingDim(8);
        npt.setDepth(2);
        npt.setHeads(2);
        npt.setSteps(6);
        npt.setEvaluationInterval(2);
        npt.setLearningRate(1e-2);
        return npt;
    }

    @Override
    public Classifier getClassifier() {
        return tiny();
    }

    public static Test suite() {
        return new TestSuite(NonParametricTransformerTest.class);
    }
}
