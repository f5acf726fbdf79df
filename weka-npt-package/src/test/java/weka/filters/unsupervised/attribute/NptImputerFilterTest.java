package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.filters.Filter;

/** The imputation filter on a table whose attributes determine each other. */
class NptImputerFilterTest {

    /** x2 = 2·x1 and a nominal copy of x1's sign, so a missing value is known from the others. */
    static Instances related(int n, long seed) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("x1"));
        attributes.add(new Attribute("x2"));
        attributes.add(new Attribute("sign", List.of("neg", "pos")));
        Instances data = new Instances("related", attributes, n);
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x1 = rng.nextGaussian();
            data.add(new DenseInstance(1, new double[] {x1, 2 * x1, x1 < 0 ? 0 : 1}));
        }
        return data;
    }

    static NptImputer tiny() throws Exception {
        NptImputer f = new NptImputer();
        f.setOptions(new String[] {"-embedding-dim", "8", "-depth", "2", "-heads", "2", "-steps", "150",
            "-learning-rate", "0.01", "-S", "3"});
        return f;
    }

    @Test
    void fillsEveryMissingValueFromTheOtherAttributesAndKeepsGivenOnes() throws Exception {
        Instances complete = related(120, 1);
        Instances holes = new Instances(complete);
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < holes.numInstances(); i += 4) {
            holes.instance(i).setMissing(1);
            removed.add(i);
        }
        for (int i = 2; i < holes.numInstances(); i += 8) {
            holes.instance(i).setMissing(2);
        }
        NptImputer filter = tiny();
        filter.setInputFormat(holes);
        Instances filled = Filter.useFilter(holes, filter);
        assertEquals(holes.numInstances(), filled.numInstances());
        double mean = 0;
        int observed = 0;
        for (int i = 0; i < holes.numInstances(); i++) {
            for (int j = 0; j < holes.numAttributes(); j++) {
                assertFalse(filled.instance(i).isMissing(j), "row " + i + ", attribute " + j);
                if (!holes.instance(i).isMissing(j)) {
                    assertEquals(holes.instance(i).value(j), filled.instance(i).value(j), 0, "given values stay");
                }
            }
            if (!holes.instance(i).isMissing(1)) {
                mean += holes.instance(i).value(1);
                observed++;
            }
        }
        mean /= observed;
        double npt = 0;
        double byMean = 0;
        for (int i : removed) {
            double truth = complete.instance(i).value(1);
            npt += Math.pow(filled.instance(i).value(1) - truth, 2);
            byMean += Math.pow(mean - truth, 2);
        }
        assertTrue(npt < 0.5 * byMean, "squared error " + npt + " against the mean's " + byMean);
    }

    @Test
    void laterBatchesAreFilledByTheFirstBatchsModelOneInstanceAtATime() throws Exception {
        Instances train = related(60, 2);
        Instances test = related(10, 3);
        for (int i = 0; i < test.numInstances(); i++) {
            test.instance(i).setMissing(i % 3);
        }
        NptImputer filter = tiny();
        filter.setInputFormat(train);
        Filter.useFilter(train, filter);
        Instances together = Filter.useFilter(test, filter);
        Instances alone = Filter.useFilter(new Instances(test, 4, 1), filter);
        assertEquals(together.instance(4).toString(), alone.instance(0).toString());
        NptImputer copy = (NptImputer) new SerializedObject(filter).getObject();
        assertEquals(together.toString(), Filter.useFilter(test, copy).toString(), "a serialised filter fills as the original");
    }

    @Test
    void optionsAreTheClassifiersAndRoundTrip() throws Exception {
        NptImputer f = new NptImputer();
        assertEquals(NptConfig.builder(Preset.CPU_QUICK).set(Settings.SEED, 1L).build(), f.nptConfig());
        NptImputer configured = tiny();
        NptImputer copy = new NptImputer();
        copy.setOptions(configured.getOptions());
        assertEquals(configured.nptConfig(), copy.nptConfig());
        assertEquals(150, copy.getSteps());
    }
}
