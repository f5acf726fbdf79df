package org.npt4j.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One NPT setting, defined once: its name, value type, default, allowed values, description, and
 * how the adapters present it (group, label and command-line option). {@link NptConfig} stores
 * values by setting, and the Tribuo fields, the Weka options and the experiment configs are all
 * derived from {@link Settings}, so a setting is added in one place.
 *
 * <p>The default is the paper's (NPT-Base on the small UCI data sets); {@link Preset}s change some of
 * them. Every value passes {@link #check} before it reaches a configuration, and the error names
 * the setting.
 *
 * @param <T> the value type: {@link Integer}, {@link Long}, {@link Double}, {@link Boolean},
 *     {@link String} or an enum
 */
public final class Setting<T> {

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final SettingGroup group;
    private final String label;
    private final String option;
    private final String property;
    private final Range range;
    private final Predicate<T> rule;
    private final String ruleText;
    private final UnaryOperator<T> normaliser;
    private final String description;

    private Setting(Builder<T> b, String description) {
        this.name = b.name;
        this.type = b.type;
        this.group = Objects.requireNonNull(b.group, "group of " + b.name);
        this.label = Objects.requireNonNull(b.label, "label of " + b.name);
        this.option = b.option != null ? b.option : kebab(b.name);
        this.property = b.property != null ? b.property : b.name;
        this.range = b.range;
        this.rule = b.rule;
        this.ruleText = b.ruleText;
        this.normaliser = b.normaliser;
        this.description = description;
        this.defaultValue = check(b.defaultValue);
    }

    /** @return the name, as in Tribuo's {@code @Config} field, the saved model and {@link NptConfig#toMap()} */
    public String name() {
        return name;
    }

    /** @return the name of this setting's constant in {@link Settings} ({@code EMBEDDING_DIM}), for code generators */
    public String constant() {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** @return the value type */
    public Class<T> type() {
        return type;
    }

    /** @return the paper's value, which presets start from */
    public T defaultValue() {
        return defaultValue;
    }

    /** @return the group the adapters show the setting in */
    public SettingGroup group() {
        return group;
    }

    /** @return a short human-readable name, for GUI labels */
    public String label() {
        return label;
    }

    /**
     * @return the command-line option without its dash ({@code embedding-dim}); for a boolean it
     *     turns the setting on, and the same name prefixed with {@code no-} turns it off
     */
    public String option() {
        return option;
    }

    /**
     * @return the name of the bean property that GUI adapters (Weka) show the setting as: the name,
     *     unless the host already has a property of that name (Weka's {@code batchSize})
     */
    public String property() {
        return property;
    }

    /** @return one or two sentences saying what the setting does */
    public String description() {
        return description;
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
        String base;
        if (type.isEnum()) {
            base = "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        } else if (isFlag()) {
            base = "true or false";
        } else if (range != null) {
            base = range.toString();
        } else {
            base = "text";
        }
        return ruleText == null ? base : base + ", " + ruleText;
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
        T v = normaliser == null ? type.cast(value) : normaliser.apply(type.cast(value));
        if (range != null && !range.contains(((Number) v).doubleValue())) {
            throw new NptConfigException(name, "must be " + range.inWords() + ", got " + v);
        }
        if (rule != null && !rule.test(v)) {
            throw new NptConfigException(name, "must be " + ruleText + ", got " + v);
        }
        return v;
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

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Starts the definition of a setting; {@link Settings} is the one place that calls it.
     *
     * @param name the camel-case name
     * @param type the value type
     * @param defaultValue the paper's value
     * @param registry told of the setting when it is complete
     * @param <T> the value type
     * @return a builder
     */
    static <T> Builder<T> define(String name, Class<T> type, T defaultValue, Consumer<Setting<?>> registry) {
        return new Builder<>(name, type, defaultValue, registry);
    }

    /** Collects a setting's properties; {@link #description} completes and registers it. */
    static final class Builder<T> {
        private final String name;
        private final Class<T> type;
        private final T defaultValue;
        private final Consumer<Setting<?>> registry;
        private SettingGroup group;
        private String label;
        private String option;
        private String property;
        private Range range;
        private Predicate<T> rule;
        private String ruleText;
        private UnaryOperator<T> normaliser;

        private Builder(String name, Class<T> type, T defaultValue, Consumer<Setting<?>> registry) {
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
            this.registry = registry;
        }

        Builder<T> group(SettingGroup g) {
            this.group = g;
            return this;
        }

        Builder<T> label(String l) {
            this.label = l;
            return this;
        }

        /** Only where the option differs from the kebab-case name. */
        Builder<T> option(String o) {
            this.option = o;
            return this;
        }

        /** Only where a host framework already has a property by the setting's name. */
        Builder<T> property(String p) {
            this.property = p;
            return this;
        }

        Builder<T> range(Range r) {
            this.range = r;
            return this;
        }

        /** A condition the range cannot express, and how help texts and errors say it. */
        Builder<T> rule(Predicate<T> r, String inWords) {
            this.rule = r;
            this.ruleText = inWords;
            return this;
        }

        /** Rewrites a value to its one canonical spelling before it is checked. */
        Builder<T> normalise(UnaryOperator<T> n) {
            this.normaliser = n;
            return this;
        }

        Setting<T> description(String text) {
            Setting<T> s = new Setting<>(this, text);
            registry.accept(s);
            return s;
        }
    }

    /**
     * An interval of numbers, with open or closed ends.
     *
     * @param low the lower end ({@code -infinity} for none)
     * @param lowClosed whether {@code low} itself is allowed
     * @param high the upper end ({@code infinity} for none)
     * @param highClosed whether {@code high} itself is allowed
     */
    record Range(double low, boolean lowClosed, double high, boolean highClosed) {

        static Range atLeast(double low) {
            return new Range(low, true, Double.POSITIVE_INFINITY, false);
        }

        static Range positive() {
            return new Range(0, false, Double.POSITIVE_INFINITY, false);
        }

        static Range closed(double low, double high) {
            return new Range(low, true, high, true);
        }

        static Range closedOpen(double low, double high) {
            return new Range(low, true, high, false);
        }

        static Range openClosed(double low, double high) {
            return new Range(low, false, high, true);
        }

        /** The interval [0, 1]. */
        static Range probability() {
            return closed(0, 1);
        }

        boolean contains(double v) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return false;
            }
            boolean aboveLow = lowClosed ? v >= low : v > low;
            boolean belowHigh = highClosed ? v <= high : v < high;
            return aboveLow && belowHigh;
        }

        String inWords() {
            if (high == Double.POSITIVE_INFINITY) {
                return low == 0 && !lowClosed ? "a positive number"
                        : (lowClosed ? "at least " : "more than ") + number(low);
            }
            return "in " + this;
        }

        @Override
        public String toString() {
            return (lowClosed ? "[" : "(") + number(low) + ", "
                    + (high == Double.POSITIVE_INFINITY ? "infinity" : number(high)) + (highClosed ? "]" : ")");
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
