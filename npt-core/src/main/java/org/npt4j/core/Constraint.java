package org.npt4j.core;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What values a {@link Setting} accepts: an interval for numbers, a further rule an interval cannot
 * express (an even depth, say), and a rewrite to the one canonical spelling of a value (the
 * reference's batch size -1 is 0). Checking a value names the setting in the error.
 *
 * @param <T> the setting's value type
 */
public final class Constraint<T> {

    private static final double INFINITY = Double.POSITIVE_INFINITY;

    /** An interval of numbers, each end open or closed. */
    private record Interval(double low, boolean lowClosed, double high, boolean highClosed) {}

    private final Interval interval;
    private final Predicate<T> rule;
    private final String ruleWords;
    private final UnaryOperator<T> canonical;

    private Constraint(Interval interval, Predicate<T> rule, String ruleWords, UnaryOperator<T> canonical) {
        this.interval = interval;
        this.rule = rule;
        this.ruleWords = ruleWords;
        this.canonical = canonical;
    }

    private static <T> Constraint<T> interval(double low, boolean lowClosed, double high, boolean highClosed) {
        return new Constraint<>(new Interval(low, lowClosed, high, highClosed), null, null, null);
    }

    /** @return no constraint beyond the type */
    static <T> Constraint<T> any() {
        return interval(-INFINITY, false, INFINITY, false);
    }

    /** @return numbers at least {@code low} */
    static <T extends Number> Constraint<T> atLeast(double low) {
        return interval(low, true, INFINITY, false);
    }

    /** @return numbers above 0 */
    static <T extends Number> Constraint<T> positive() {
        return interval(0, false, INFINITY, false);
    }

    /** @return numbers in [0, 1] */
    static <T extends Number> Constraint<T> probability() {
        return interval(0, true, 1, true);
    }

    /** @return numbers in [0, 1): a rate that must leave something */
    static <T extends Number> Constraint<T> belowOne() {
        return interval(0, true, 1, false);
    }

    /** @return numbers in (0, 1]: a share that must take something */
    static <T extends Number> Constraint<T> aboveZeroUpToOne() {
        return interval(0, false, 1, true);
    }

    /**
     * @param condition what a value must also satisfy
     * @param words the condition as help texts and errors say it
     * @return this constraint and the condition
     */
    @SuppressWarnings("unchecked")
    <U extends T> Constraint<U> and(Predicate<U> condition, String words) {
        return new Constraint<>(interval, condition, words, (UnaryOperator<U>) canonical);
    }

    /**
     * @param rewrite maps a value to its canonical spelling before it is checked
     * @return this constraint, rewriting first
     */
    @SuppressWarnings("unchecked")
    <U extends T> Constraint<U> canonically(UnaryOperator<U> rewrite) {
        return new Constraint<>(interval, (Predicate<U>) rule, ruleWords, rewrite);
    }

    /**
     * @param setting the setting's name, for the error
     * @param value a candidate value, not null
     * @return the value in its canonical spelling
     * @throws NptConfigException naming the setting if the value is not allowed
     */
    T check(String setting, T value) {
        T v = canonical == null ? value : canonical.apply(value);
        if (v instanceof Number n && !inInterval(n.doubleValue())) {
            throw new NptConfigException(setting, "must be " + intervalInWords() + ", got " + v);
        }
        if (rule != null && !rule.test(v)) {
            throw new NptConfigException(setting, "must be " + ruleWords + ", got " + v);
        }
        return v;
    }

    private boolean inInterval(double v) {
        boolean aboveLow = interval.lowClosed() ? v >= interval.low() : v > interval.low();
        boolean belowHigh = interval.highClosed() ? v <= interval.high() : v < interval.high();
        return !Double.isNaN(v) && !Double.isInfinite(v) && aboveLow && belowHigh;
    }

    private String intervalInWords() {
        if (interval.high() == INFINITY) {
            return interval.low() == 0 && !interval.lowClosed() ? "a positive number" : "at least " + number(interval.low());
        }
        return "in " + intervalText();
    }

    private String intervalText() {
        return (interval.lowClosed() ? "[" : "(") + number(interval.low()) + ", "
                + (interval.high() == INFINITY ? "infinity" : number(interval.high())) + (interval.highClosed() ? "]" : ")");
    }

    /**
     * @param base how the type's values are said when the interval does not apply
     * @return the accepted values in words, for help texts
     */
    String inWords(String base) {
        String values = interval.low() == -INFINITY ? base : intervalText();
        return ruleWords == null ? values : values + ", " + ruleWords;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
