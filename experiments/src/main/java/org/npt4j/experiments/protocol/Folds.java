package org.npt4j.experiments.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Shuffled, optionally stratified assignment of rows to groups: the building block of both
 * protocols. Stratification deals each class's rows round-robin over the groups after shuffling, so
 * each group gets its share of every class, as scikit-learn's StratifiedKFold aims to.
 */
final class Folds {

    private Folds() {}

    /**
     * @param rows the rows to assign (table indices)
     * @param strata class index per table row, or null
     * @param k the number of groups
     * @param rng the shuffling source
     * @return the group of each of {@code rows}, aligned with it
     */
    static int[] assign(int[] rows, int[] strata, int k, Random rng) {
        int[] shuffled = rows.clone();
        shuffle(shuffled, rng);
        int[] group = new int[rows.length];
        int[] position = positions(rows);
        if (strata == null) {
            for (int i = 0; i < shuffled.length; i++) {
                group[position[shuffled[i]]] = i % k;
            }
            return group;
        }
        // Continue the round-robin across classes so that small classes do not all start at group 0.
        int next = 0;
        for (int[] members : byClass(shuffled, strata)) {
            for (int r : members) {
                group[position[r]] = next;
                next = (next + 1) % k;
            }
        }
        return group;
    }

    /** Rows of each class, in their (shuffled) order, classes in index order. */
    private static List<int[]> byClass(int[] rows, int[] strata) {
        int classes = 0;
        for (int r : rows) {
            classes = Math.max(classes, strata[r] + 1);
        }
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            out.add(Arrays.stream(rows).filter(r -> strata[r] == cls).toArray());
        }
        return out;
    }

    private static int[] positions(int[] rows) {
        int max = 0;
        for (int r : rows) {
            max = Math.max(max, r);
        }
        int[] position = new int[max + 1];
        for (int i = 0; i < rows.length; i++) {
            position[rows[i]] = i;
        }
        return position;
    }

    /** @return the rows whose group is (or is not) {@code g}, in ascending order */
    static int[] select(int[] rows, int[] group, int g, boolean in) {
        return IntStream.range(0, rows.length).filter(i -> (group[i] == g) == in)
                .map(i -> rows[i]).sorted().toArray();
    }

    /** Fisher–Yates, in place. */
    static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }
}
