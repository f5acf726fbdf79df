package org.npt4j.benchmarks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

/**
 * The k-nearest-neighbour imputer of the imputation benchmark, as scikit-learn's {@code
 * KNNImputer} with uniform weights: a missing cell of column j takes the mean (numerical) or the
 * most frequent label (categorical; the nearest donor's among tied labels) of the k rows nearest
 * to its row among those with j observed. Distances are Euclidean on the columns both rows have
 * observed, numerical columns standardised with their observed mean and population standard
 * deviation and a categorical column counting 1 where the labels differ, scaled up by the share of
 * columns left out ({@code nan_euclidean}: sqrt(D / shared · Σ)). A row that shares no observed
 * column with any donor gets the column's mean or mode. Ties in distance go to the lower row index.
 */
final class KnnImputer {

    private final int k;

    /** @param k the number of neighbours */
    KnnImputer(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, found " + k);
        }
        this.k = k;
    }

    /**
     * @param table a table with missing cells
     * @return the table with every missing cell filled
     */
    Table impute(Table table) {
        int n = table.rowCount();
        int d = table.columnCount();
        double[][] z = new double[d][];
        String[][] labels = new String[d][];
        for (int j = 0; j < d; j++) {
            if (table.column(j) instanceof NumericColumn c) {
                z[j] = standardised(c);
            } else {
                labels[j] = ((CategoricalColumn) table.column(j)).values();
            }
        }
        Table.Builder out = Table.builder();
        for (int j = 0; j < d; j++) {
            Column column = table.column(j);
            int col = j;
            int[] donors = IntStream.range(0, n).filter(r -> !column.isMissing(r)).toArray();
            if (column instanceof NumericColumn c) {
                double[] values = c.values();
                double fallback = Arrays.stream(donors).mapToDouble(c::get).average().orElse(0);
                for (int i = 0; i < n; i++) {
                    if (c.isMissing(i)) {
                        int[] nearest = nearest(i, donors, z, labels);
                        values[i] = nearest.length == 0 ? fallback : Arrays.stream(nearest).mapToDouble(c::get).average().orElseThrow();
                    }
                }
                out.numeric(column.name(), values);
            } else {
                String[] filled = labels[col].clone();
                String fallback = mostFrequent(labels[col], donors);
                for (int i = 0; i < n; i++) {
                    if (filled[i] == null) {
                        int[] nearest = nearest(i, donors, z, labels);
                        filled[i] = nearest.length == 0 ? fallback : mostFrequent(labels[col], nearest);
                    }
                }
                out.categorical(column.name(), filled);
            }
        }
        return out.build();
    }

    /** @return up to k donors nearest to row i, nearest first; donors sharing no observed column are left out */
    private int[] nearest(int i, int[] donors, double[][] z, String[][] labels) {
        int d = z.length;
        double[] distance = new double[donors.length];
        for (int a = 0; a < donors.length; a++) {
            int r = donors[a];
            double sum = 0;
            int shared = 0;
            for (int j = 0; j < d; j++) {
                if (z[j] != null) {
                    if (!Double.isNaN(z[j][i]) && !Double.isNaN(z[j][r])) {
                        double diff = z[j][i] - z[j][r];
                        sum += diff * diff;
                        shared++;
                    }
                } else if (labels[j][i] != null && labels[j][r] != null) {
                    sum += labels[j][i].equals(labels[j][r]) ? 0 : 1;
                    shared++;
                }
            }
            distance[a] = shared == 0 ? Double.NaN : Math.sqrt(sum * d / shared);
        }
        return IntStream.range(0, donors.length).filter(a -> donors[a] != i && !Double.isNaN(distance[a])).boxed()
                .sorted(Comparator.<Integer>comparingDouble(a -> distance[a]).thenComparingInt(a -> donors[a]))
                .limit(k).mapToInt(a -> donors[a]).toArray();
    }

    /** @return the most frequent label among the rows, the earliest row's among tied labels */
    private static String mostFrequent(String[] labels, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : rows) {
            counts.merge(labels[r], 1, Integer::sum);
        }
        String best = null;
        for (int r : rows) {
            if (best == null || counts.get(labels[r]) > counts.get(best)) {
                best = labels[r];
            }
        }
        return best;
    }

    private static double[] standardised(NumericColumn c) {
        double[] v = c.values();
        double[] observed = Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
        double mean = Arrays.stream(observed).average().orElse(0);
        double std = Math.sqrt(Arrays.stream(observed).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        double scale = std > 0 ? std : 1;
        return Arrays.stream(v).map(x -> (x - mean) / scale).toArray();
    }
}
