package org.npt4j.tribuo;

import java.util.Map;
import java.util.TreeMap;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.inference.NptModel;

/**
 * Checks that the parts of a saved {@link NptTribuoModel}, stored side by side and loaded one by
 * one, fit together: the NPT model has exactly the columns the feature layout and the outputs
 * name, each of the type they expect. A loaded model that passes predicts without tripping over
 * its own parts.
 */
final class SavedPartsCheck {

    private SavedPartsCheck() {}

    /**
     * @param npt the loaded NPT model
     * @param layout the loaded feature layout
     * @param outputs the output columns of the loaded output domain
     * @throws IllegalStateException naming the columns, if they do not fit
     */
    static void check(NptModel npt, FeatureLayout layout, OutputColumns<?> outputs) {
        // Label outputs are one categorical column each (they give probabilities); regressor dimensions numerical ones.
        Map<String, String> expected = new TreeMap<>();
        for (FeatureLayout.FeatureColumn c : layout.columns()) {
            expected.put(c.name(), kind(c.categorical(), false));
        }
        for (String target : outputs.targetNames()) {
            expected.put(target, kind(outputs.generatesProbabilities(), true));
        }
        Map<String, String> found = new TreeMap<>();
        for (ColumnSpec c : npt.schema().columns()) {
            found.put(c.name(), kind(c.categorical(), c.target()));
        }
        // A name twice in the layout would collapse in the map: count too.
        if (!found.equals(expected) || expected.size() != layout.columns().size() + outputs.targetNames().size()) {
            throw new IllegalStateException("Invalid saved model: the NPT model's columns " + found
                    + " do not match the feature layout and outputs " + expected);
        }
    }

    private static String kind(boolean categorical, boolean target) {
        return (categorical ? "categorical" : "numerical") + (target ? " target" : " feature");
    }
}
