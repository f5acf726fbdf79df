package org.npt4j.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One NPT setting, defined once in {@link Settings}: its name, value type, default, the values it
 * accepts, a description, and how the adapters present it (group, label, command-line option and
 * GUI property). {@link NptConfig} stores values by setting, and the Tribuo fields, the Weka
 * options and the experiment configs are all derived from {@link Settings}, so a setting is added
 * in one place.
 *
 * <p>The default is the paper's (NPT-Base on the small UCI data sets); {@link Preset}s change some
 * of them. Every value passes {@link #check} before it reaches a configuration, and the error names
 * the setting.
 *
 * @param name the name, as in Tribuo's {@code @Config} field, saved models and {@link NptConfig#toMap()}
 * @param type the value type: {@link Integer}, {@link Long}, {@link Double}, {@link Boolean},
 *     {@link String} or an enum
 * @param defaultValue the paper's value, which presets start from
 * @param allowed the values the setting accepts
 * @param group the group the adapters show the setting in
 * @param label a short human-readable name, for GUI labels
 * @param option the command-line option without its dash ({@code embedding-dim}); for a boolean it
 *     turns the setting on, and the same name prefixed with {@code no-} turns it off
 * @param property the bean property GUI adapters (Weka) show the setting as: the name, unless the
 *     host already has a property of that name (Weka's {@code batchSize})
 * @param description one or two sentences saying what the setting does
 * @param <T> the value type
 */
public record Setting<T>(String name, Class<T> type, T defaultValue, Constraint<T> allowed, SettingGroup group,
        String label, String option, String property, String description) {

    /** Checks that the definition is complete and its default allowed. */
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, name);
        Objects.requireNonNull(allowed, name);
        Objects.requireNonNull(group, name);
        Objects.requireNonNull(label, name);
        Objects.requireNonNull(option, name);
        Objects.requireNonNull(property, name);
        Objects.requireNonNull(description, name);
        defaultValue = allowed.check(name, type.cast(Objects.requireNonNull(defaultValue, name)));
    }

    /** @return the name of this setting's constant in {@link Settings} ({@code EMBEDDING_DIM}), for code generators */
    public String constant() {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** @return whether the setting is a boolean, offered on command lines as a pair of flags */
    public boolean isFlag() {
        return type == Boolean.class;
    }

    /**
     * @return the values the setting accepts, in words ({@code [0, 1)}, {@code one of COSINE,
     *     CONSTANT}, ...), for help texts
     */
    public String allowedValues() {
        if (type.isEnum()) {
            return allowed.inWords("one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()));
        }
        return allowed.inWords(isFlag() ? "true or false" : "text");
    }

    /**
     * Reads a value the way command lines, OLCUT and saved models write it: numbers in Java's
     * syntax, booleans as {@code true}/{@code false}, enum constants in any case with {@code -} for
     * {@code _}.
     *
     * @param text the value as text
     * @return the value, normalised and checked
     * @throws NptConfigException naming this setting if the text does not parse or the value is out of range
     */
    public T parse(String text) {
        return check(read(text));
    }

    /** Converts text to a value of this setting's type, without checking its range. */
    T read(String text) {
        if (text == null) {
            throw new NptConfigException(name, "must be set");
        }
        String t = text.trim();
        Object value;
        try {
            if (type == Integer.class) {
                value = Integer.valueOf(t);
            } else if (type == Long.class) {
                value = Long.valueOf(t);
            } else if (type == Double.class) {
                value = Double.valueOf(t);
            } else if (type == Boolean.class) {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException();
                }
                value = Boolean.valueOf(t);
            } else if (type.isEnum()) {
                value = enumConstant(t);
            } else {
                value = t;
            }
        } catch (IllegalArgumentException e) {
            throw new NptConfigException(name, "cannot read '" + text + "' as " + typeWords());
        }
        return type.cast(value);
    }

    /**
     * @param value a value of this setting
     * @return its text form, which {@link #parse} reads back exactly
     */
    public String format(T value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    /**
     * @param value a candidate value
     * @return the value, normalised (the reference's batch size -1 becomes 0, say)
     * @throws NptConfigException naming this setting if the value is null or not allowed
     */
    public T check(T value) {
        if (value == null) {
            throw new NptConfigException(name, "must be set");
        }
        return allowed.check(name, type.cast(value));
    }

    @Override
    public String toString() {
        return name;
    }

    private Object enumConstant(String t) {
        String wanted = t.toUpperCase(Locale.ROOT).replace('-', '_');
        for (T c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException(t);
    }

    private String typeWords() {
        if (type.isEnum() || type == Boolean.class) {
            return allowedValues();
        }
        return type == Double.class ? "a number" : type == String.class ? "text" : "a whole number";
    }
}
