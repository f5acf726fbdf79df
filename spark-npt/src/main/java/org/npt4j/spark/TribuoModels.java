package org.npt4j.spark;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npt4j.tribuo.NptTribuoModel;
import org.npt4j.tribuo.protos.NptTribuoModelProto;

/**
 * The core model inside a Tribuo {@link NptTribuoModel}, and the Tribuo names of its parts.
 * NptTribuoModel keeps its core model private; its protobuf form, a public and versioned format,
 * holds that model's bytes ({@link org.npt4j.core.inference.NptModel#toBytes()}), which are what a
 * scorer broadcasts anyway. The core model's feature columns are the Tribuo model's {@link
 * org.npt4j.tribuo.FeatureLayout} columns: a numerical feature by its name, a one-hot group
 * {@code colour@red, colour@blue, ...} as one categorical column {@code colour} with values
 * {@code red, blue, ...}.
 */
final class TribuoModels {

    /** How tribuo-npt names its target columns: {@code __output__} for a label, {@code __output__:dim} for a regressor. */
    private static final String OUTPUT_PREFIX = "__output__";

    private TribuoModels() {}

    /**
     * @param model a Tribuo NPT model
     * @return its core model's bytes
     */
    static byte[] coreBytes(NptTribuoModel<?> model) {
        try {
            return model.serialize().getSerializedData().unpack(NptTribuoModelProto.class).getNptModel().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("The Tribuo model's protobuf form holds no NPT model: " + e.getMessage(), e);
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
