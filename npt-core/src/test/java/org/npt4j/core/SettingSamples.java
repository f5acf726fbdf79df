package org.npt4j.core;

import java.util.List;

/**
 * Values for the adapters' parity tests: for any setting, a value that differs from a base
 * configuration's and still makes a valid configuration, so that a test can set every setting
 * through an adapter and see it arrive.
 */
public final class SettingSamples {

    private SettingSamples() {}

    /**
     * @param setting a setting
     * @param base the configuration to differ from
     * @param <T> the value type
     * @return a value other than {@code base}'s that {@code base} accepts in its place
     */
    public static <T> T alternative(Setting<T> setting, NptConfig base) {
        for (T candidate : candidates(setting, base.get(setting))) {
            if (!candidate.equals(base.get(setting)) && valid(setting, candidate, base)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no alternative value for " + setting.name());
    }

    /**
     * @param setting a setting
     * @param base the configuration to differ from
     * @param <T> the value type
     * @return {@link #alternative} in its text form
     */
    public static <T> String alternativeText(Setting<T> setting, NptConfig base) {
        return setting.format(alternative(setting, base));
    }

    private static <T> boolean valid(Setting<T> setting, T value, NptConfig base) {
        try {
            base.toBuilder().set(setting, value).build();
            return true;
        } catch (NptConfigException e) {
            return false;
        }
    }

    private static <T> List<T> candidates(Setting<T> setting, T current) {
        Class<T> type = setting.type();
        Object[] values;
        if (type == Boolean.class) {
            values = new Object[] {!(Boolean) current};
        } else if (type.isEnum()) {
            values = type.getEnumConstants();
        } else if (type == Integer.class) {
            int v = (Integer) current;
            values = new Object[] {2 * v, v + 2, v + 1};
        } else if (type == Long.class) {
            values = new Object[] {(Long) current + 1};
        } else if (type == Double.class) {
            double v = (Double) current;
            values = new Object[] {v / 2, (v + 1) / 2, v + 1};
        } else {
            values = new Object[] {"auto", "gpu:1"};
        }
        return java.util.Arrays.stream(values).map(type::cast).toList();
    }
}
