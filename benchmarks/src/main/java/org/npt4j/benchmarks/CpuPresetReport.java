package org.npt4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search table of {@code CPU-PRESET.md} from {@link CpuPresetSearch}'s TSV: one row per data set
 * and candidate, over the splits it was run on, with NPT's and XGBoost's mean validation and test
 * scores, their ratio (NPT over XGBoost, so below 1 is better for RMSE and log-loss and above 1 is
 * better for AUROC), and the mean wall time per split. Rows keep the order they were first measured in.
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.CpuPresetReport -Dbench.shapes=benchmarks/cpu-preset-search.tsv</pre>
 */
public final class CpuPresetReport {

    private CpuPresetReport() {}

    /**
     * @param args the TSV file, relative to the project root
     * @throws Exception if it cannot be read
     */
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(ProjectFiles.root().resolve(args[0].trim()));
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            groups.computeIfAbsent(f[0] + "\t" + f[1] + "\t" + f[2], k -> new ArrayList<>()).add(f);
        }
        System.out.println("| data set | candidate | settings (on the old CPU_FAST) | splits | NPT validation | XGBoost validation "
                + "| ratio | NPT test | XGBoost test | ratio | s per split |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        groups.forEach((key, rows) -> {
            String[] k = key.split("\t");
            double nv = mean(rows, 4);
            double xv = mean(rows, 5);
            double nt = mean(rows, 6);
            double xt = mean(rows, 7);
            // Only a class has a test accuracy.
            boolean classification = !rows.get(0)[8].isEmpty();
            String validationMetric = classification ? "log-loss " : "RMSE ";
            String testMetric = classification ? "AUROC " : "RMSE ";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s%.4f | %.4f | %.3f | %s%.4f | %.4f | %.3f | %.0f |%n",
                    k[0].replace("-paper-protocol-cpu-preset", ""), k[1], k[2], splits(rows), validationMetric, nv, xv, nv / xv,
                    testMetric, nt, xt, nt / xt, mean(rows, 12));
        });
    }

    private static String splits(List<String[]> rows) {
        return String.join(",", rows.stream().map(r -> r[3]).toList());
    }

    private static double mean(List<String[]> rows, int column) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).average().orElse(Double.NaN);
    }
}
