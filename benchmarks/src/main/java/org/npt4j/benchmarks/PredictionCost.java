package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.STEPS;

import java.util.Arrays;
import java.util.Locale;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Prediction throughput against large stored contexts at the CPU preset's defaults (batches of
 * 1,024 rows, passes of 256 queries): rows per second scoring 1,024 new rows, median of three
 * runs, for each context size given. Contexts above a batch are split into fixed chunks that every
 * query is scored against ({@code PredictionPlan}), so the cost grows with the context; this
 * measures by how much.
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.PredictionCost -Dbench.shapes="2000 8000"</pre>
 */
public final class PredictionCost {

    private PredictionCost() {}

    /**
     * @param args context sizes in rows (default 2000 and 8000)
     */
    public static void main(String[] args) {
        String[] sizes = args.length == 0 || args[0].isBlank() ? new String[] {"2000", "8000"} : String.join(" ", args).trim().split("[ ,]+");
        Table queries = BenchmarkShape.synthetic(1024, 9, 11).withoutColumns(java.util.List.of("y"));
        for (String size : sizes) {
            int rows = Integer.parseInt(size);
            // Two steps: what is measured is scoring against the context, not what was learned.
            NptConfig config = NptConfig.builder(Preset.CPU_FAST).set(STEPS, 2).build();
            try (NptModel model = new NptTrainer(config).fit(BenchmarkShape.synthetic(rows, 9, 5), "y")) {
                model.predict(queries.selectRows(new int[] {0}));
                double[] seconds = new double[3];
                for (int r = 0; r < seconds.length; r++) {
                    long start = System.nanoTime();
                    model.predict(queries);
                    seconds[r] = (System.nanoTime() - start) / 1e9;
                }
                Arrays.sort(seconds);
                System.out.printf(Locale.ROOT, "context %,d rows: %.0f rows/s (median of 3, %.2f s for %d rows)%n",
                        model.contextRowCount(), queries.rowCount() / seconds[1], seconds[1], queries.rowCount());
            }
        }
    }
}
