package org.npt4j.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/**
 * Holds out validation rows from the training rows when the caller gave none, stratified by the
 * first categorical target (as the reference's {@code train_test_split(..., stratify=y)}). Rows
 * without a label stay training rows, and every class keeps at least one training row. Rows of weight
 * 0 stay training rows too: their validation loss would count for nothing. Without a target
 * nothing is held out: there is no target loss to validate.
 */
final class ValidationSplitter {

    private ValidationSplitter() {}

    /**
     * @param table the fit table
     * @param targets target column names
     * @param roles the caller's roles; returned unchanged if any row is already VALIDATION
     * @param fraction share of labelled training rows to hold out
     * @param rng random source
     * @return the roles with validation rows assigned; unchanged when there is no target
     */
    public static RowRole[] split(Table table, List<String> targets, RowRole[] roles, double fraction, RandomGenerator rng) {
        RowRole[] out = roles.clone();
        if (fraction <= 0 || targets.isEmpty()) {
            return out;
        }
        for (RowRole r : roles) {
            if (r == RowRole.VALIDATION) {
                return out;
            }
        }
        Column stratum = null;
        for (String t : targets) {
            if (table.column(t) instanceof CategoricalColumn c) {
                stratum = c;
                break;
            }
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] != RowRole.TRAIN || !labelled(table, targets, i) || table.rowWeight(i) == 0) {
                continue;
            }
            String key = stratum == null ? "" : ((CategoricalColumn) stratum).get(i);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            Shuffling.shuffle(group, rng);
            int take = (int) Math.round(fraction * group.size());
            take = Math.min(take, group.size() - 1);
            for (int k = 0; k < take; k++) {
                out[group.get(k)] = RowRole.VALIDATION;
            }
        }
        return out;
    }

    private static boolean labelled(Table table, List<String> targets, int row) {
        for (String t : targets) {
            if (table.column(t).isMissing(row)) {
                return false;
            }
        }
        return true;
    }
}
