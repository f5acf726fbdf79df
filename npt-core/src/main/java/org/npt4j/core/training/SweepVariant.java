package org.npt4j.core.training;

import java.util.Objects;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;

/**
 * One configuration of an {@link NptSweep}, under the name its results are reported by.
 *
 * @param name a short name, unique within the sweep (for example "16 layers")
 * @param config the configuration
 */
public record SweepVariant(String name, NptConfig config) {

    /** @throws NptConfigException if the name is blank */
    public SweepVariant {
        Objects.requireNonNull(config, "config");
        if (name == null || name.isBlank()) {
            throw new NptConfigException("variants", "a variant needs a name");
        }
    }
}
