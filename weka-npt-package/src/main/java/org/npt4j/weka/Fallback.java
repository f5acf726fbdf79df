package org.npt4j.weka;

import java.io.Serializable;
import java.util.List;
import weka.classifiers.rules.ZeroR;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Weka's ZeroR, standing in when the training data leave NPT nothing to learn from, with the reason
 * it stands in (for the printed model).
 */
public final class Fallback implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final ZeroR zeroR = new ZeroR();

    private Fallback(String reason, Instances data) throws Exception {
        this.reason = reason;
        zeroR.buildClassifier(data);
    }

    /**
     * @param data the training instances, those with a missing class removed
     * @param features the attributes NPT would use
     * @return a trained fallback when NPT cannot be trained on these data, otherwise null
     * @throws Exception if ZeroR cannot be built
     */
    public static Fallback ifNeeded(Instances data, List<String> features) throws Exception {
        String reason = reason(data, features);
        return reason == null ? null : new Fallback(reason, data);
    }

    private static String reason(Instances data, List<String> features) {
        if (data.numInstances() == 0) {
            return "no training instances with a class value";
        }
        if (features.isEmpty()) {
            return "no attribute other than the class has a value";
        }
        if (data.classAttribute().isNominal()) {
            int present = 0;
            for (int c : data.attributeStats(data.classIndex()).nominalCounts) {
                present += c > 0 ? 1 : 0;
            }
            if (present < 2) {
                return "only one class value occurs in the training data";
            }
        } else if (data.variance(data.classIndex()) == 0) {
            return "the class has the same value in every training instance";
        }
        return null;
    }

    /** @return why NPT could not be trained on the data */
    public String reason() {
        return reason;
    }

    /**
     * @param instance an instance
     * @return ZeroR's distribution
     * @throws Exception if ZeroR fails
     */
    public double[] distribution(Instance instance) throws Exception {
        return zeroR.distributionForInstance(instance);
    }

    @Override
    public String toString() {
        return "NonParametricTransformer: " + reason + "; predicting with ZeroR instead.\n\n" + zeroR;
    }
}
