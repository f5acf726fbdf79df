package org.npt4j.weka;

import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.Predictions;
import weka.core.Attribute;

/** NPT's predictions in the form Weka's {@code distributionForInstance} returns them. */
public final class WekaDistributions {

    private WekaDistributions() {}

    /**
     * @param p NPT's predictions for a chunk of instances
     * @param row the instance's row in the chunk
     * @param classAttribute the training header's class attribute
     * @return for a nominal class one probability per class value, in the attribute's value order
     *     (values NPT never saw get 0); for a numeric class the predicted value alone
     */
    public static double[] of(Predictions p, int row, Attribute classAttribute) {
        if (classAttribute.isNominal()) {
            ClassPredictions classes = p.classes(classAttribute.name());
            double[] probabilities = classes.probabilities(row);
            double[] dist = new double[classAttribute.numValues()];
            for (int k = 0; k < probabilities.length; k++) {
                dist[classAttribute.indexOfValue(classes.categories().get(k))] = probabilities[k];
            }
            return dist;
        }
        return new double[] {p.values(classAttribute.name()).value(row)};
    }
}
