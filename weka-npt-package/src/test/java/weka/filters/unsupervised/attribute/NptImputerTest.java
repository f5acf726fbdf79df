package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/**
 * Weka's own checks for filters (option handling, tool tips, buffered and batch use, serialised
 * copies, regression against stored output, ...), run on a tiny NPT.
 */
public class NptImputerTest extends AbstractFilterTest {

    public NptImputerTest(String name) {
        super(name);
    }

    @Override
    public Filter getFilter() {
        NptImputer filter = new NptImputer();
        filter.setEmbeddingDim(4);
        filter.setDepth(2);
        filter.setHeads(2);
        filter.setSteps(4);
        filter.setLearningRate(1e-2);
        return filter;
    }

    public static Test suite() {
        return new TestSuite(NptImputerTest.class);
    }
}
