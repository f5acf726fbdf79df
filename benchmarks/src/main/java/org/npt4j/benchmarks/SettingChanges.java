package org.npt4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.npt4j.core.NptConfig;

/**
 * Settings changed by name, written {@code name=value,name=value} (the names of {@code Settings}):
 * how the benchmarks try other settings on a preset search candidate or a timed shape.
 *
 * @param pairs each change as {name, value}, in the order written
 */
record SettingChanges(List<String[]> pairs) {

    /**
     * @param spec the changes, at least one
     * @param owner what they belong to, for the error message
     * @return the changes
     * @throws IllegalArgumentException if a pair is not {@code name=value}
     */
    static SettingChanges parse(String spec, String owner) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(owner + ": '" + pair + "' is not setting=value");
            }
            pairs.add(new String[] {kv[0].trim(), kv[1].trim()});
        }
        return new SettingChanges(List.copyOf(pairs));
    }

    /** @return the builder with every change applied */
    NptConfig.Builder applyTo(NptConfig.Builder builder) {
        pairs.forEach(kv -> builder.set(kv[0], kv[1]));
        return builder;
    }

    /** No change at all. */
    static final SettingChanges NONE = new SettingChanges(List.of());

    /** @return the changes as written, without spaces; "(as configured)" for none */
    String describe() {
        return pairs.isEmpty() ? "(as configured)" : String.join(",", pairs.stream().map(kv -> kv[0] + "=" + kv[1]).toList());
    }
}
