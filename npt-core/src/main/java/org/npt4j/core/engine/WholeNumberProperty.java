package org.npt4j.core.engine;

/** Reads a tuning system property that holds a whole number, refusing any other value by name instead of ignoring it. */
public final class WholeNumberProperty {

    private WholeNumberProperty() {}

    /**
     * @param name the system property
     * @param defaultValue its value when unset
     * @param unit what the number counts, for the error message (e.g. "bytes")
     * @param zeroMeans what 0 does, for the error message
     * @return the property's value, or {@code defaultValue}
     * @throws IllegalStateException naming the property and its value when it is not a whole number
     */
    public static long read(String name, long defaultValue, String unit, String zeroMeans) {
        String value = System.getProperty(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("System property " + name + "=" + value + " is not a number of " + unit
                    + "; use a whole number, or 0 " + zeroMeans, e);
        }
    }
}
