package org.npt4j.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every hyperparameter of an NPT model and its training run: one value per {@link Settings
 * setting}. Immutable. Start from a {@link Preset} with {@link #builder(Preset)}, change what you
 * need with {@link Builder#set}, and {@link Builder#build()}; read a value with {@link #get}.
 *
 * <pre>{@code
 * NptConfig config = NptConfig.builder(Preset.CPU_FAST).set(Settings.STEPS, 500).set(Settings.SEED, 7L).build();
 * int width = config.get(Settings.EMBEDDING_DIM);
 * }</pre>
 *
 * <p>Each value is checked against its setting's range when the configuration is built, and so are
 * the rules that tie settings together (the heads must divide the embedding width; a prediction
 * pass must leave room for context rows in a batch). A violation throws {@link
 * NptConfigException} naming the setting.
 */
public record NptConfig(Map<Setting<?>, Object> values) {

    /**
     * Checks every value and the rules between them, and keeps them in {@link Settings#all()} order.
     *
     * @param values a value for every setting; anything else is ignored
     * @throws NptConfigException naming the first setting that is missing, out of range or in conflict
     */
    public NptConfig {
        Map<Setting<?>, Object> checked = new LinkedHashMap<>();
        for (Setting<?> s : Settings.all()) {
            checked.put(s, checkOne(s, values.get(s)));
        }
        values = Collections.unmodifiableMap(checked);
        checkTogether(values);
    }

    private static <T> T checkOne(Setting<T> s, Object value) {
        return s.check(s.type().cast(value));
    }

    /** The rules that involve more than one setting. */
    private static void checkTogether(Map<Setting<?>, Object> values) {
        int width = (Integer) values.get(Settings.EMBEDDING_DIM);
        int heads = (Integer) values.get(Settings.HEADS);
        if (width % heads != 0) {
            throw new NptConfigException(Settings.HEADS.name(), heads + " heads do not divide the embedding width " + width);
        }
        int batch = (Integer) values.get(Settings.BATCH_SIZE);
        int pass = (Integer) values.get(Settings.PREDICTION_BATCH_SIZE);
        if (batch != 0 && pass >= batch) {
            throw new NptConfigException(Settings.PREDICTION_BATCH_SIZE.name(), "must be smaller than batchSize (" + batch
                    + ") so that each prediction batch still holds context rows, got " + pass);
        }
    }

    /**
     * @param setting a setting
     * @param <T> its value type
     * @return this configuration's value of it
     */
    public <T> T get(Setting<T> setting) {
        return setting.type().cast(values.get(setting));
    }

    /** @return the preset {@link Preset#CPU_FAST} as a builder */
    public static Builder builder() {
        return builder(Preset.CPU_FAST);
    }

    /**
     * @param preset the starting point
     * @return a builder holding the preset's values
     */
    public static Builder builder(Preset preset) {
        return preset.configure(new Builder(defaults()));
    }

    /**
     * @param preset a preset
     * @return its configuration
     */
    public static NptConfig of(Preset preset) {
        return builder(preset).build();
    }

    private static Map<Setting<?>, Object> defaults() {
        Map<Setting<?>, Object> out = new LinkedHashMap<>();
        for (Setting<?> s : Settings.all()) {
            out.put(s, s.defaultValue());
        }
        return out;
    }

    /** @return whether training uses the whole table as one batch regardless of its size */
    public boolean fullBatch() {
        return get(Settings.BATCH_SIZE) == 0;
    }

    /** @return whether target masking is stochastic, so that unmasked training labels are model inputs */
    public boolean stochasticTargetMasking() {
        return get(Settings.TARGET_MASK_PROBABILITY) < 1.0;
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /**
     * @return every setting as text, in {@link Settings#all()} order; {@link #fromMap} reads it back exactly
     */
    public Map<String, String> toMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting<?> s : Settings.all()) {
            out.put(s.name(), formatted(s));
        }
        return out;
    }

    private <T> String formatted(Setting<T> s) {
        return s.format(get(s));
    }

    /**
     * Rebuilds a configuration from {@link #toMap()} output. Settings absent from the map keep the
     * values of {@code defaults}, so that files written before a setting existed still load.
     *
     * @param values setting name to text value
     * @param defaults values for settings not in the map
     * @return the configuration
     * @throws NptConfigException if a name is unknown or a value does not parse
     */
    public static NptConfig fromMap(Map<String, String> values, NptConfig defaults) {
        Builder b = defaults.toBuilder();
        values.forEach(b::set);
        return b.build();
    }

    /**
     * @return a readable summary: the network's shape on the first line, then every setting by group
     */
    public String describe() {
        int depth = get(Settings.DEPTH);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "NPT e=%d, %d layers (%d ABD + %d ABA), %d heads%s; %s; %d steps, batch %s, device %s, seed %d",
                get(Settings.EMBEDDING_DIM), depth, depth / 2, depth / 2, get(Settings.HEADS),
                get(Settings.ATTENTION_BETWEEN_DATAPOINTS) ? "" : " (no attention between datapoints)",
                stochasticTargetMasking() ? "training labels visible at prediction" : "labels never visible",
                get(Settings.STEPS), fullBatch() ? "full" : Integer.toString(get(Settings.BATCH_SIZE)),
                get(Settings.DEVICE), get(Settings.SEED)));
        for (SettingGroup group : SettingGroup.values()) {
            String line = Settings.all().stream().filter(s -> s.group() == group)
                    .map(s -> s.name() + "=" + formatted(s)).collect(Collectors.joining(" "));
            if (!line.isEmpty()) {
                sb.append(System.lineSeparator()).append(group.title()).append(": ").append(line);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "NptConfig" + toMap();
    }

    /** Changes settings one at a time; {@link #build()} checks the whole. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values;

        private Builder(Map<Setting<?>, Object> values) {
            this.values = new LinkedHashMap<>(values);
        }

        /**
         * @param setting a setting
         * @param value its new value; checked by {@link #build()}
         * @param <T> its value type
         * @return this builder
         * @throws NptConfigException if the setting is not one of {@link Settings#all()}
         */
        public <T> Builder set(Setting<T> setting, T value) {
            if (!values.containsKey(setting)) {
                throw new NptConfigException(setting.name(), "is not one of the Settings; use the constants of Settings");
            }
            values.put(setting, value);
            return this;
        }

        /**
         * Sets a setting by name from text, the way OLCUT, Weka options and saved models hand values over.
         *
         * @param name a setting's name (see {@link Settings})
         * @param value its value as text
         * @return this builder
         * @throws NptConfigException if there is no such setting or the text does not parse
         */
        public Builder set(String name, String value) {
            Setting<?> s = Settings.named(name);
            values.put(s, s.read(value));
            return this;
        }

        /**
         * @param setting a setting
         * @param <T> its value type
         * @return the value set so far
         */
        public <T> T get(Setting<T> setting) {
            return setting.type().cast(values.get(setting));
        }

        /**
         * @return the checked configuration
         * @throws NptConfigException naming the first setting that is out of range or conflicts with another
         */
        public NptConfig build() {
            return new NptConfig(values);
        }
    }
}
