package org.npt4j.tribuo;

import java.util.Map;
import org.npt4j.core.inference.ImputedCell;
import org.tribuo.Feature;

/**
 * One feature cell filled by {@link NptTribuoModel#impute}: the example, the NPT column, the
 * feature put into the example, and what the network predicted for the cell.
 *
 * <p>A numeric column's feature has the predicted value (a point estimate: the model gives no
 * spread). A categorical column, regrouped from one-hot features {@code column@value}, gets the
 * feature of its most probable category with value 1, and {@link #featureProbabilities()} gives
 * the probability of each of the column's one-hot features.
 *
 * @param example the example's index among those imputed
 * @param column the NPT column: the feature's name, or the one-hot group's
 * @param feature the feature added to the example (or whose NaN value was replaced)
 * @param cell the network's prediction for the cell: {@link org.npt4j.core.inference.ImputedValue} or
 *     {@link org.npt4j.core.inference.ImputedCategory}
 * @param featureProbabilities for a categorical column, each one-hot feature's probability in the model's
 *     category order; empty for a numeric column
 */
public record ImputedFeature(int example, String column, Feature feature, ImputedCell cell,
        Map<String, Double> featureProbabilities) {

    /** Keeps an unmodifiable copy of the probabilities, in their order. */
    public ImputedFeature {
        featureProbabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(featureProbabilities));
    }

    /** @return whether the column is categorical (one-hot features) */
    public boolean categorical() {
        return !featureProbabilities.isEmpty();
    }
}
