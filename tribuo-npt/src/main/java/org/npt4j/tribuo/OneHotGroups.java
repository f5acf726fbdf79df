package org.npt4j.tribuo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Feature;

/**
 * Finds the groups of features that Tribuo's loaders produced by one-hot encoding a categorical
 * field ({@code field@value}, value 1, one per example).
 */
final class OneHotGroups {

    private OneHotGroups() {}

    /**
     * @param featureNames all feature names
     * @param examples the training examples
     * @param separator the separator between field name and value
     * @return group name to member feature names (in the given order), only for groups of at least
     *     two features that are one-hot in every example
     */
    static Map<String, List<String>> find(List<String> featureNames, Iterable<? extends Example<?>> examples,
            String separator) {
        Set<String> plain = new HashSet<>(featureNames);
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (String name : featureNames) {
            int at = name.indexOf(separator);
            if (at <= 0) {
                continue;
            }
            String group = name.substring(0, at);
            // A field that is also a feature of its own is not a one-hot group.
            if (!plain.contains(group)) {
                candidates.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(name);
            }
        }
        candidates.values().removeIf(members -> members.size() < 2);
        Map<String, String> groupOf = new HashMap<>();
        candidates.forEach((group, members) -> members.forEach(m -> groupOf.put(m, group)));
        Set<String> broken = new HashSet<>();
        for (Example<?> example : examples) {
            Set<String> seen = new HashSet<>();
            for (Feature f : example) {
                String group = groupOf.get(f.getName());
                if (group == null || f.getValue() == 0) {
                    continue;
                }
                if (f.getValue() != 1 || !seen.add(group)) {
                    broken.add(group);
                }
            }
        }
        candidates.keySet().removeAll(broken);
        return candidates;
    }
}
