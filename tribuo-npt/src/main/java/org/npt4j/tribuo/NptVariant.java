package org.npt4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurableName;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.Settings;
import org.npt4j.core.training.SweepVariant;

/**
 * One variant of an NPT trainer's sweep: the settings in which it differs from the trainer's own.
 * In an OLCUT config:
 *
 * <pre>{@code
 * <component name="target-mask-0.5" type="org.npt4j.tribuo.NptVariant">
 *   <propertymap name="settings">
 *     <entry key="targetMaskProbability" value="0.5"/>
 *     <entry key="steps" value="4000"/>
 *   </propertymap>
 * </component>
 * }</pre>
 *
 * and list it in the trainer's {@code variants}. A variant with no settings is the trainer's own
 * configuration. The seed is the trainer's for every variant, so it cannot be changed here.
 */
public final class NptVariant implements Configurable, Provenancable<ConfiguredObjectProvenance> {

    @ConfigurableName
    private String name;

    @Config(description = "Name shown in results and provenance; the component name when empty.")
    private String title = "";

    @Config(description = "Settings that differ from the trainer's, by setting name (as the trainer's properties are "
            + "named), with their values as text.")
    private Map<String, String> settings = new LinkedHashMap<>();

    /** For OLCUT. */
    private NptVariant() {}

    /**
     * @param title the variant's name in results
     * @param settings setting name to value, for the settings in which it differs from the trainer's
     * @throws PropertyException if a name is not a setting or is the seed
     */
    public NptVariant(String title, Map<String, String> settings) {
        // Built in code, the variant has no component name: its title stands in for one in messages.
        this.name = this.title = title;
        this.settings = new LinkedHashMap<>(settings);
        postConfig();
    }

    @Override
    public void postConfig() {
        if (settings == null) {
            throw new PropertyException(name, "settings", "must not be null; leave it empty for the trainer's own settings");
        }
        for (String key : settings.keySet()) {
            if (key.equals(Settings.SEED.name())) {
                throw new PropertyException(name, "settings", "cannot change the seed: every variant trains with the "
                        + "trainer's, so that they differ only in what the variant names");
            }
            try {
                Settings.named(key);
            } catch (NptConfigException e) {
                throw new PropertyException(name, "settings", e.getMessage());
            }
        }
    }

    /** @return the name results show */
    public String title() {
        return title == null || title.isEmpty() ? name : title;
    }

    /** @return the changed settings, by name */
    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    /**
     * @param base the trainer's configuration
     * @return the variant for a sweep: {@code base} with this variant's settings
     * @throws NptConfigException naming the setting if a value is impossible
     */
    public SweepVariant apply(NptConfig base) {
        NptConfig.Builder b = base.toBuilder();
        settings.forEach(b::set);
        return new SweepVariant(title(), b.build());
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "NptVariant");
    }

    @Override
    public String toString() {
        return title() + settings;
    }
}
