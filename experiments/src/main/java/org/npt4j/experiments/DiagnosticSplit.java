package org.npt4j.experiments;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rows of {@link DependenceDiagnostic}, split three ways by a seeded shuffle: training rows
 * (the model's context), test rows (the queries) and pool rows (replacement contexts), disjoint so
 * that no query finds itself in a corrupted context and no replacement context holds training rows.
 *
 * @param train the training rows, ascending
 * @param test the query rows, ascending
 * @param pool the pool rows, ascending
 */
record DiagnosticSplit(int[] train, int[] test, int[] pool) {

    /**
     * @param rows the number of rows
     * @param testFraction share of the rows for test
     * @param poolFraction share of the rows for the pool
     * @param seed the shuffle's seed
     * @return the split; each part has at least one row
     * @throws IllegalArgumentException if the table is too small for three non-empty parts
     */
    static DiagnosticSplit of(int rows, double testFraction, double poolFraction, long seed) {
        int test = Math.max(1, (int) Math.round(testFraction * rows));
        int pool = Math.max(1, (int) Math.round(poolFraction * rows));
        if (rows - test - pool < 2) {
            throw new IllegalArgumentException(rows + " rows leave " + (rows - test - pool) + " to train on after "
                    + test + " test and " + pool + " pool rows; lower --test-fraction or --pool-fraction");
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new DiagnosticSplit(sorted(order, test + pool, rows), sorted(order, 0, test), sorted(order, test, test + pool));
    }

    private static int[] sorted(int[] order, int from, int to) {
        int[] part = Arrays.copyOfRange(order, from, to);
        Arrays.sort(part);
        return part;
    }
}
