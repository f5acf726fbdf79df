package org.npt4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptImputer;
import org.npt4j.demo.BundledDatasets;

/**
 * How well NPT fills missing cells, beside mean/mode imputation and k-nearest neighbours (k = 5,
 * {@link KnnImputer}). For each data set (its target column dropped: the features alone are the
 * table) and each missing rate, that share of the feature cells is removed completely at random
 * (exactly round(rate · cells) cells, drawn with the seed), every method fills the holed table,
 * and the filled cells are compared with the removed values: for numerical columns the RMSE of
 * each column in units of its standard deviation over the complete table, averaged over the
 * columns; for categorical cells (Boston's CHAS and RAD) the share filled with the right label.
 * NPT is fitted on the holed table without a target and imputes it with itself as the context
 * ({@link NptImputer#fitAndImpute}). Prints a Markdown table and the wall time.
 *
 * <pre>mvn -q -DskipTests install &amp;&amp; mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.ImputationBenchmark \
 *     -Dbench.shapes="--datasets boston,breast-cancer --rates 0.1,0.3 --seed 1 --preset quick"</pre>
 *
 * Options: {@code --datasets} (boston, breast-cancer), {@code --rates} (shares of cells removed),
 * {@code --seed} (the removal draw and NPT's seed), {@code --preset} (quick, cpu or paper; default
 * quick, CPU_QUICK's 600 steps), {@code --steps} (overrides the preset's).
 */
public final class ImputationBenchmark {

    private static final int K = 5;

    /** One method's errors on one holed table. */
    record Score(double standardisedRmse, int numericColumns, double accuracy, int categoricalCells, double seconds) {}

    private ImputationBenchmark() {}

    /**
     * @param args the options above, separately or as one space-separated string
     */
    public static void main(String[] args) {
        Map<String, String> options = options(args);
        List<String> datasets = List.of(options.getOrDefault("--datasets", "boston,breast-cancer").split(","));
        double[] rates = Arrays.stream(options.getOrDefault("--rates", "0.1,0.3").split(",")).mapToDouble(Double::parseDouble).toArray();
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        NptConfig.Builder builder = NptConfig.builder(Preset.parse(options.getOrDefault("--preset", "quick"))).set(Settings.SEED, seed);
        if (options.containsKey("--steps")) {
            builder.set(Settings.STEPS, Integer.parseInt(options.get("--steps")));
        }
        NptConfig config = builder.build();
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "NPT settings:%n%s%n%n", config.describe());
        System.out.println("| data set | missing | cells removed | method | RMSE (std units, mean over numerical columns) "
                + "| accuracy (categorical cells) | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : datasets) {
            Table truth = dataset(name.trim());
            for (double rate : rates) {
                Table holed = removeAtRandom(truth, rate, seed);
                int removed = missingCells(holed);
                Map<String, UnaryOperator<Table>> methods = new java.util.LinkedHashMap<>();
                methods.put("mean / mode", ImputationBenchmark::meanOrMode);
                methods.put("kNN (k = " + K + ")", new KnnImputer(K)::impute);
                methods.put("NPT", t -> new NptImputer(config).fitAndImpute(t).filled());
                for (Map.Entry<String, UnaryOperator<Table>> m : methods.entrySet()) {
                    long t0 = System.nanoTime();
                    Table filled = m.getValue().apply(holed);
                    Score s = score(truth, holed, filled, (System.nanoTime() - t0) / 1e9);
                    System.out.printf(Locale.ROOT, "| %s | %.0f %% | %,d | %s | %.3f (%d columns) | %s | %.1f |%n", name,
                            100 * rate, removed, m.getKey(), s.standardisedRmse(), s.numericColumns(),
                            s.categoricalCells() == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d cells)", s.accuracy(),
                                    s.categoricalCells()), s.seconds());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nWall time %.0f s on %d cores%n", (System.nanoTime() - start) / 1e9,
                Runtime.getRuntime().availableProcessors());
    }

    private static Map<String, String> options(String[] args) {
        String[] words = String.join(" ", args).trim().split("\\s+");
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            if (!List.of("--datasets", "--rates", "--seed", "--preset", "--steps").contains(words[i]) || i + 1 == words.length) {
                throw new IllegalArgumentException("Usage: ImputationBenchmark [--datasets boston,breast-cancer] "
                        + "[--rates 0.1,0.3] [--seed N] [--preset quick|cpu|paper] [--steps N]; found '" + words[i] + "'");
            }
            out.put(words[i], words[++i]);
        }
        return out;
    }

    /** @return the data set's feature columns, its target dropped */
    static Table dataset(String name) {
        return switch (name) {
            case "boston" -> BundledDatasets.boston().withoutColumns(List.of(BundledDatasets.BOSTON_TARGET));
            case "breast-cancer" -> BundledDatasets.breastCancer().withoutColumns(List.of(BundledDatasets.BREAST_CANCER_TARGET));
            default -> throw new IllegalArgumentException("Unknown data set '" + name + "'; use boston or breast-cancer");
        };
    }

    /**
     * @param table a complete table
     * @param rate the share of cells to remove
     * @param seed the seed of the draw
     * @return the table with exactly round(rate · cells) cells, drawn uniformly without replacement, missing
     */
    static Table removeAtRandom(Table table, double rate, long seed) {
        int n = table.rowCount();
        int d = table.columnCount();
        int[] cells = new int[n * d];
        Arrays.setAll(cells, c -> c);
        int count = (int) Math.round(rate * cells.length);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int a = 0; a < count; a++) {
            int b = a + rng.nextInt(cells.length - a);
            int t = cells[a];
            cells[a] = cells[b];
            cells[b] = t;
        }
        boolean[][] remove = new boolean[d][n];
        for (int a = 0; a < count; a++) {
            remove[cells[a] % d][cells[a] / d] = true;
        }
        Table.Builder out = Table.builder();
        for (int j = 0; j < d; j++) {
            Column c = table.column(j);
            if (c instanceof NumericColumn num) {
                double[] v = num.values();
                for (int i = 0; i < n; i++) {
                    v[i] = remove[j][i] ? Double.NaN : v[i];
                }
                out.numeric(c.name(), v);
            } else {
                String[] v = ((CategoricalColumn) c).values();
                for (int i = 0; i < n; i++) {
                    v[i] = remove[j][i] ? null : v[i];
                }
                out.categorical(c.name(), v);
            }
        }
        return out.build();
    }

    /** @return the table with each missing cell filled with its column's observed mean, or most frequent label */
    static Table meanOrMode(Table table) {
        Table.Builder out = Table.builder();
        for (Column c : table.columns()) {
            if (c instanceof NumericColumn num) {
                double mean = Arrays.stream(num.values()).filter(x -> !Double.isNaN(x)).average().orElse(0);
                out.numeric(c.name(), Arrays.stream(num.values()).map(x -> Double.isNaN(x) ? mean : x).toArray());
            } else {
                String[] v = ((CategoricalColumn) c).values();
                Map<String, Integer> counts = new java.util.TreeMap<>();
                for (String s : v) {
                    if (s != null) {
                        counts.merge(s, 1, Integer::sum);
                    }
                }
                String mode = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                out.categorical(c.name(), Arrays.stream(v).map(s -> s == null ? mode : s).toArray(String[]::new));
            }
        }
        return out.build();
    }

    /**
     * @param truth the complete table
     * @param holed the table with cells removed
     * @param filled a method's filling of it
     * @param seconds the method's time
     * @return the mean over numerical columns of each column's RMSE on its removed cells over its standard
     *     deviation in the complete table, and the accuracy on the removed categorical cells
     */
    static Score score(Table truth, Table holed, Table filled, double seconds) {
        List<Double> rmses = new ArrayList<>();
        int right = 0;
        int categorical = 0;
        for (int j = 0; j < truth.columnCount(); j++) {
            Column given = holed.column(j);
            if (truth.column(j) instanceof NumericColumn t) {
                NumericColumn f = (NumericColumn) filled.column(t.name());
                double[] v = t.values();
                double mean = Arrays.stream(v).average().orElse(0);
                double std = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
                double sum = 0;
                int count = 0;
                for (int i = 0; i < v.length; i++) {
                    if (given.isMissing(i)) {
                        sum += (f.get(i) - v[i]) * (f.get(i) - v[i]);
                        count++;
                    }
                }
                if (count > 0) {
                    rmses.add(Math.sqrt(sum / count) / (std > 0 ? std : 1));
                }
            } else {
                CategoricalColumn t = (CategoricalColumn) truth.column(j);
                CategoricalColumn f = (CategoricalColumn) filled.column(t.name());
                for (int i = 0; i < t.size(); i++) {
                    if (given.isMissing(i)) {
                        right += t.get(i).equals(f.get(i)) ? 1 : 0;
                        categorical++;
                    }
                }
            }
        }
        double rmse = rmses.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Score(rmse, rmses.size(), categorical == 0 ? Double.NaN : (double) right / categorical, categorical, seconds);
    }

    private static int missingCells(Table t) {
        int n = 0;
        for (Column c : t.columns()) {
            for (int i = 0; i < c.size(); i++) {
                n += c.isMissing(i) ? 1 : 0;
            }
        }
        return n;
    }
}
