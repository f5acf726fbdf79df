package org.npt4j.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.Preset;
import org.npt4j.core.Setting;
import org.npt4j.core.Settings;
import weka.core.Option;
import weka.core.Utils;

/**
 * The NPT settings of a Weka object and their command-line form: a preset and a value for every
 * setting but the seed (which is Weka's {@code -S}).
 *
 * <p>On the command line a setting is {@code -<option> <value>} with the option of its {@link
 * Setting}, and a boolean is a pair of flags ({@code -abd} turns it on, {@code -no-abd} off). A
 * setting left out keeps the value of {@code -preset} (CPU_QUICK unless given), so that a flag left
 * out never overrides a preset. {@link #getOptions()} writes the preset and the settings that
 * differ from it, which {@link #setOptions} reads back exactly.
 */
public final class SettingOptions implements Serializable {

    private static final long serialVersionUID = 1L;
    /**
     * The Explorer's default is a 10-fold cross-validation, eleven models: CPU_QUICK keeps that to
     * minutes on small tables, where CPU_FAST's 1,500 full-batch steps take five minutes and more.
     */
    static final Preset DEFAULT_PRESET = Preset.CPU_QUICK;

    private Preset preset;
    /** Setting name to value (Integer, Double, Boolean, String or an enum constant). */
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    /** Every setting at the default preset's (CPU_QUICK's) value. */
    public SettingOptions() {
        usePreset(DEFAULT_PRESET);
    }

    /** @return the preset the settings started from */
    public Preset preset() {
        return preset;
    }

    /**
     * Sets every setting to the preset's value.
     *
     * @param p the preset
     */
    public void usePreset(Preset p) {
        preset = p;
        values.clear();
        NptConfig config = NptConfig.of(p);
        for (Setting<?> s : settings()) {
            values.put(s.name(), config.get(s));
        }
    }

    /**
     * @param setting a setting other than the seed
     * @param <V> its value type
     * @return its current value
     */
    public <V> V get(Setting<V> setting) {
        return setting.type().cast(values.get(setting.name()));
    }

    /**
     * Changes a setting; its range is checked when the configuration is built.
     *
     * @param setting a setting other than the seed
     * @param value its new value
     * @param <V> its value type
     */
    public <V> void set(Setting<V> setting, V value) {
        values.put(setting.name(), value);
    }

    /**
     * @param seed the seed (Weka's {@code -S})
     * @return the configuration the options describe
     * @throws Exception naming the command-line option of a setting that is out of range or conflicts with another
     */
    public NptConfig config(long seed) throws Exception {
        NptConfig.Builder builder = NptConfig.builder(preset);
        for (Setting<?> s : settings()) {
            copy(s, builder);
        }
        try {
            return builder.set(Settings.SEED, seed).build();
        } catch (NptConfigException e) {
            throw optionError(e);
        }
    }

    private <V> void copy(Setting<V> s, NptConfig.Builder builder) {
        builder.set(s, get(s));
    }

    /** @return one Weka option per setting and the preset, each saying its default */
    public List<Option> listOptions() {
        List<Option> out = new ArrayList<>();
        out.add(new Option("\t" + Preset.DESCRIPTION + "\n\t(default: " + DEFAULT_PRESET + ")", "preset", 1,
                "-preset <" + String.join("|", presetOrder().stream().map(Preset::name).toList()) + ">"));
        Map<Preset, NptConfig> presets = new LinkedHashMap<>();
        for (Preset p : presetOrder()) {
            presets.put(p, NptConfig.of(p));
        }
        for (Setting<?> s : settings()) {
            String defaults = defaults(s, presets);
            if (s.isFlag()) {
                out.add(new Option("\t" + s.description() + "\n\t(-no-" + s.option() + " turns it off; default: " + defaults + ")",
                        s.option(), 0, "-" + s.option() + " | -no-" + s.option()));
            } else {
                out.add(new Option("\t" + s.description() + "\n\t(" + s.allowedValues() + "; default: " + defaults + ")",
                        s.option(), 1, "-" + s.option() + " <" + argument(s) + ">"));
            }
        }
        return out;
    }

    private static String argument(Setting<?> s) {
        if (s.type().isEnum()) {
            return String.join("|", java.util.Arrays.stream(s.type().getEnumConstants()).map(Object::toString).toList());
        }
        return s.type() == Double.class ? "number" : s.type() == Integer.class ? "int" : "text";
    }

    /** @return the presets, the default first */
    private static List<Preset> presetOrder() {
        List<Preset> order = new ArrayList<>(List.of(DEFAULT_PRESET));
        for (Preset p : Preset.values()) {
            if (p != DEFAULT_PRESET) {
                order.add(p);
            }
        }
        return order;
    }

    /**
     * @param presets each preset's configuration, the default's first
     * @return the setting's value, or its value in each preset where they differ
     */
    private static <V> String defaults(Setting<V> s, Map<Preset, NptConfig> presets) {
        Map<Preset, String> each = new LinkedHashMap<>();
        presets.forEach((p, config) -> each.put(p, s.format(config.get(s))));
        if (new HashSet<>(each.values()).size() == 1) {
            return each.get(DEFAULT_PRESET);
        }
        List<String> listed = new ArrayList<>();
        each.forEach((p, value) -> listed.add(value + " in " + p));
        return String.join(", ", listed);
    }

    /** @return {@code -preset} and every setting that differs from it */
    public List<String> getOptions() {
        List<String> out = new ArrayList<>(List.of("-preset", preset.name()));
        NptConfig base = NptConfig.of(preset);
        for (Setting<?> s : settings()) {
            addIfChanged(s, base, out);
        }
        return out;
    }

    private <V> void addIfChanged(Setting<V> s, NptConfig base, List<String> out) {
        V value = get(s);
        if (value.equals(base.get(s))) {
            return;
        }
        if (s.isFlag()) {
            out.add(((Boolean) value ? "-" : "-no-") + s.option());
        } else {
            out.add("-" + s.option());
            out.add(s.format(value));
        }
    }

    /**
     * Reads {@code -preset} and the settings' options, removing them from {@code options} as Weka's
     * option handlers do; the rest is left for the caller.
     *
     * @param options the command line
     * @throws Exception naming the option whose value does not parse or is out of range
     */
    public void setOptions(String[] options) throws Exception {
        String name = Utils.getOption("preset", options);
        try {
            usePreset(name.isEmpty() ? DEFAULT_PRESET : Preset.parse(name));
        } catch (NptConfigException e) {
            throw new Exception("Option -preset: " + e.getMessage().substring(e.field().length() + 2), e);
        }
        for (Setting<?> s : settings()) {
            read(s, options);
        }
    }

    private <V> void read(Setting<V> s, String[] options) throws Exception {
        if (s.isFlag()) {
            boolean on = Utils.getFlag(s.option(), options);
            boolean off = Utils.getFlag("no-" + s.option(), options);
            if (on && off) {
                throw new Exception("Options -" + s.option() + " and -no-" + s.option() + " contradict each other");
            }
            if (on || off) {
                values.put(s.name(), on);
            }
            return;
        }
        String text = Utils.getOption(s.option(), options);
        if (!text.isEmpty()) {
            try {
                values.put(s.name(), s.parse(text));
            } catch (NptConfigException e) {
                throw optionError(e);
            }
        }
    }

    /** Says which command-line option a setting's error is about, as Weka users know settings by their options. */
    private static Exception optionError(NptConfigException e) {
        String option = Settings.named(e.field()).option();
        return new Exception("Option -" + option + ": " + e.getMessage().substring(e.field().length() + 2), e);
    }

    private static List<Setting<?>> settings() {
        return Settings.all().stream().filter(s -> s != Settings.SEED).toList();
    }
}
