package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * With the classifier's defaults and more than 2,000 training instances (a context larger than a
 * batch), an instance's distribution is the same alone and inside chunks of a batch.
 */
class LargeContextTest {

    /** Two rings (numeric x1, x2; nominal class) as Weka instances. */
    private static Instances rings(int n, long seed) {
        Table t = Fixtures.rings(n, seed);
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("x1"));
        attributes.add(new Attribute("x2"));
        ArrayList<String> classes = new ArrayList<>(java.util.List.of("inner", "outer"));
        attributes.add(new Attribute("label", classes));
        Instances data = new Instances("rings", attributes, n);
        data.setClassIndex(2);
        NumericColumn x1 = (NumericColumn) t.column("x1");
        NumericColumn x2 = (NumericColumn) t.column("x2");
        CategoricalColumn label = (CategoricalColumn) t.column("label");
        for (int i = 0; i < n; i++) {
            data.add(new DenseInstance(1, new double[] {x1.get(i), x2.get(i), classes.indexOf(label.get(i))}));
        }
        return data;
    }

    @Test
    void distributionsAgreeAloneAndInChunks() throws Exception {
        NonParametricTransformer npt = new NonParametricTransformer();
        npt.setSteps(2);
        npt.buildClassifier(rings(2100, 4));
        Instances test = rings(300, 8);
        npt.setBatchSize("100");
        double[][] chunked = npt.distributionsForInstances(test);
        npt.setBatchSize("300");
        double[][] whole = npt.distributionsForInstances(test);
        for (int i = 0; i < test.numInstances(); i += 17) {
            assertArrayEquals(whole[i], chunked[i], 1e-6, "instance " + i + " in chunks of 100");
            assertArrayEquals(whole[i], npt.distributionForInstance(test.instance(i)), 1e-6, "instance " + i + " alone");
        }
    }
}
