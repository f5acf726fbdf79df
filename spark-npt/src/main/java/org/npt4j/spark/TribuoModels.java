package org.npt4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.npt4j.core.inference.NptModel;
import org.npt4j.tribuo.NptTribuoModel;

/**
 * The core model inside a Tribuo {@link NptTribuoModel}, and the Tribuo names of its parts.
 * {@link NptTribuoModel#coreModel()} gives the core model, whose bytes are what a scorer broadcasts. The core model's feature columns are the Tribuo model's {@link
 * org.npt4j.tribuo.FeatureLayout} columns: a numerical feature by its name, a one-hot group
 * {@code colour@red, colour@blue, ...} as one categorical column {@code colour} with values
 * {@code red, blue, ...}.
 */
final class TribuoModels {

    /** How tribuo-npt names its target columns: the prefix for a label, the prefix, a colon and the dimension for a regressor. */
    private static final String OUTPUT_PREFIX = NptTribuoModel.TARGET_PREFIX;

    private TribuoModels() {}

    /**
     * @param model a Tribuo NPT model
     * @return its core model's bytes
     */
    static byte[] coreBytes(NptTribuoModel<?> model) {
        try (NptModel core = model.coreModel()) {
            return core.toBytes();
        }
    }

    /**
     * @param targets the core model's target columns
     * @return the Spark output name of each: {@code label} for a Tribuo label, the dimension name for a regressor
     */
    static Map<String, String> outputNames(Iterable<String> targets) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String t : targets) {
            if (t.equals(OUTPUT_PREFIX)) {
                names.put(t, "label");
            } else if (t.startsWith(OUTPUT_PREFIX + ":")) {
                names.put(t, t.substring(OUTPUT_PREFIX.length() + 1));
            }
        }
        return names;
    }
}
