package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Trainer;

/**
 * A trainer's configured objects as its provenance records them: the trainer first, then, depth
 * first, the configured objects its fields name, such as a {@code TransformTrainer}'s inner trainer.
 * What a comparison needs to know about a trainer (its thread count, the native engine it runs on)
 * may sit on a trainer that a wrapper hides, so it is looked for in every part.
 */
final class ConfiguredParts {

    private ConfiguredParts() {}

    /**
     * @param trainer a trainer
     * @return its provenance and the provenance of every configured object below it, depth first
     */
    static List<ConfiguredObjectProvenance> of(Trainer<?> trainer) {
        List<ConfiguredObjectProvenance> out = new ArrayList<>();
        collect(trainer.getProvenance(), out);
        return out;
    }

    private static void collect(ConfiguredObjectProvenance provenance, List<ConfiguredObjectProvenance> out) {
        out.add(provenance);
        for (Provenance value : provenance.getConfiguredParameters().values()) {
            if (value instanceof ConfiguredObjectProvenance inner) {
                collect(inner, out);
            }
        }
    }
}
