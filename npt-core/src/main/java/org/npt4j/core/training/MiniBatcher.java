package org.npt4j.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.npt4j.core.table.RowRole;

/**
 * Splits the working table into the batches of one epoch. A table no larger than the batch size
 * (or batch size −1) is one batch. Otherwise the rows are shuffled into ceil(N / batch) batches that
 * each keep the table's train/validation/test mix, and optionally its class mix among training
 * rows, like the reference's stratified-K-fold allocation; stratification is skipped for batches
 * of 10 rows or fewer, as in the reference.
 */
final class MiniBatcher {

    private final RowRole[] roles;
    private final int[] classes;
    private final int batchSize;

    /**
     * @param roles the role of each row of the working table
     * @param classes per row a class index to stratify training rows by, or -1; null for no class balancing
     * @param batchSize rows per batch, 0 for the whole table
     */
    public MiniBatcher(RowRole[] roles, int[] classes, int batchSize) {
        this.roles = roles.clone();
        this.classes = classes == null ? null : classes.clone();
        this.batchSize = batchSize;
    }

    /** @return whether every epoch is a single batch of the whole table */
    public boolean fullBatch() {
        return batchSize <= 0 || batchSize >= roles.length;
    }

    /**
     * @param rng the random source
     * @return the batches of one epoch, as row indices
     */
    public List<int[]> plan(RandomGenerator rng) {
        int n = roles.length;
        if (fullBatch()) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return List.of(all);
        }
        int batches = (n + batchSize - 1) / batchSize;
        List<Integer> order = new ArrayList<>(n);
        if (batchSize <= 10) {
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Shuffling.shuffle(order, rng);
        } else {
            Map<Long, List<Integer>> strata = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                strata.computeIfAbsent(stratum(i), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> s : strata.values()) {
                Shuffling.shuffle(s, rng);
                order.addAll(s);
            }
        }
        // Dealing the stratum-ordered rows round-robin gives every batch its share of each stratum.
        List<List<Integer>> dealt = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            dealt.add(new ArrayList<>());
        }
        for (int p = 0; p < order.size(); p++) {
            dealt.get(p % batches).add(order.get(p));
        }
        List<int[]> out = new ArrayList<>(batches);
        for (List<Integer> b : dealt) {
            out.add(b.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private long stratum(int row) {
        long key = roles[row].ordinal();
        if (classes != null && roles[row] == RowRole.TRAIN) {
            key = key * 1_000_003L + (classes[row] + 1);
        }
        return key;
    }
}
