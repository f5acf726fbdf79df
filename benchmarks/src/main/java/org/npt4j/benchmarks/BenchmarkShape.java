package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.demo.BundledDatasets;
import org.npt4j.core.table.ArffTableReader;
import org.npt4j.core.table.CsvTableReader;
import org.npt4j.core.table.Table;

/**
 * A benchmark shape: a table, its targets, a configuration and how many steps to warm up and to
 * time. Validation is off, so that only training steps are timed.
 *
 * @param name short name used on the command line
 * @param description what the shape is, for the results table
 * @param table the training table
 * @param targets the target columns
 * @param config the configuration, with steps = warmup + measured
 * @param warmup steps before timing starts
 * @param measured timed steps
 */
record BenchmarkShape(String name, String description, Supplier<Table> table, List<String> targets, NptConfig config,
        int warmup, int measured) {

    /** Shapes run when none are named. */
    static final String DEFAULT =
            "bc-cpu,bc-paper,boston-paper,protein-batch,scale-256,scale-512,scale-1024,scale-2048,scale-4096,scale-8192";

    /**
     * Shapes whose native memory is followed over long runs by default: both paper shapes and the
     * CPU preset. The protein shape's 300 steps take about an hour and a half on 2 cores, so it runs
     * only when named.
     */
    static final String GROWTH_DEFAULT = "bc-cpu,bc-paper,boston-paper";

    /**
     * @param name a shape name
     * @return the shape; the system property {@code bench.steps=W,M} replaces its warm-up and timed
     *     step counts (for shorter runs, e.g. on a loaded machine)
     */
    static BenchmarkShape named(String name) {
        BenchmarkShape shape = withSettings(defined(name), System.getProperty("bench.set", ""));
        String steps = System.getProperty("bench.steps", "").trim();
        if (steps.isEmpty()) {
            return shape;
        }
        String[] wm = steps.split(",");
        int warmup = Integer.parseInt(wm[0].trim());
        int measured = Integer.parseInt(wm[1].trim());
        return new BenchmarkShape(shape.name(), shape.description(), shape.table(), shape.targets(),
                shape.config().toBuilder().set(STEPS, warmup + measured).build(), warmup, measured);
    }

    /**
     * @param shape a shape
     * @param spec settings to change, as {@code name=value,name=value} (the names of {@code Settings}),
     *     e.g. {@code -Dbench.set=batchSize=256} to time another batch size on the same table
     * @return the shape with those settings
     */
    private static BenchmarkShape withSettings(BenchmarkShape shape, String spec) {
        if (spec.isBlank()) {
            return shape;
        }
        SettingChanges changes = SettingChanges.parse(spec, "bench.set");
        return new BenchmarkShape(shape.name() + "[" + spec + "]", shape.description(), shape.table(), shape.targets(),
                changes.applyTo(shape.config().toBuilder()).build(), shape.warmup(), shape.measured());
    }

    private static BenchmarkShape defined(String name) {
        String bc = BundledDatasets.BREAST_CANCER_TARGET;
        String boston = BundledDatasets.BOSTON_TARGET;
        if (name.startsWith("scale-")) {
            int rows = Integer.parseInt(name.substring("scale-".length()));
            // Steps grow as rows squared: from 4,096 rows on, fewer steps keep the run to minutes.
            int warmup = rows >= 4096 ? 2 : 5;
            int measured = rows >= 4096 ? 5 : 15;
            return new BenchmarkShape(name, rows + " synthetic rows x 10 numerical columns; e=16, 4 layers, 4 heads; full batch",
                    () -> synthetic(rows, 9, 5), List.of("y"),
                    config(NptConfig.builder(Preset.CPU_FAST).set(EMBEDDING_DIM, 16).set(DEPTH, 4).set(HEADS, 4).set(BATCH_SIZE, 0), warmup + measured),
                    warmup, measured);
        }
        return switch (name) {
            case "bc-cpu" -> new BenchmarkShape(name, "Breast Cancer 569x31; CPU preset (e=8, 4 layers, 2 heads); full batch",
                    BundledDatasets::breastCancer, List.of(bc), config(NptConfig.builder(Preset.CPU_FAST).set(BATCH_SIZE, 0), 300), 20, 280);
            case "bc-paper" -> new BenchmarkShape(name, "Breast Cancer 569x31; paper settings (e=32, 8 layers, 8 heads); full batch",
                    BundledDatasets::breastCancer, List.of(bc),
                    config(NptConfig.builder(Preset.PAPER).set(EMBEDDING_DIM, 32).set(LEARNING_RATE, 5e-4), 20), 8, 12);
            case "boston-paper" -> new BenchmarkShape(name, "Boston 506x14 (2 categorical); paper settings (e=128, 8 layers, 8 heads); full batch",
                    BundledDatasets::boston, List.of(boston), config(NptConfig.builder(Preset.PAPER).set(EMBEDDING_DIM, 128), 12), 4, 8);
            case "iris-cpu" -> new BenchmarkShape(name, "Iris 150x5; the Weka package's defaults (CPU preset); full batch",
                    BenchmarkShape::iris, List.of("class"), config(NptConfig.builder(Preset.CPU_FAST), 300), 30, 270);
            case "adult-cpu" -> new BenchmarkShape(name, "Adult, first 1,000 rows x 15 (8 categorical); the Weka package's defaults (CPU preset); full batch",
                    BenchmarkShape::adult, List.of("income"), config(NptConfig.builder(Preset.CPU_FAST), 60), 5, 55);
            case "protein-batch" -> new BenchmarkShape(name, "Protein-like: 2048-row batches of 8192 synthetic rows x 10 numerical; e=64, 8 layers, 8 heads",
                    () -> synthetic(8192, 9, 7), List.of("y"),
                    config(NptConfig.builder(Preset.PAPER).set(BATCH_SIZE, 2048), 12), 4, 8);
            default -> throw new IllegalArgumentException("unknown shape " + name + "; shapes: " + DEFAULT + ", iris-cpu, adult-cpu, scale-<rows>");
        };
    }

    /**
     * @param config a shape's configuration
     * @param table its table
     * @return the rows of a training batch: the whole table, or at most the batch size
     */
    static long batchRows(NptConfig config, Table table) {
        return config.fullBatch() ? table.rowCount() : Math.min(config.get(BATCH_SIZE), table.rowCount());
    }

    private static NptConfig config(NptConfig.Builder b, int steps) {
        // No validation: only training steps are timed.
        return b.set(STEPS, steps).set(VALIDATION_FRACTION, 0.0).build();
    }

    /** Iris from the bundled Weka example files: a table so small that per-operation overhead is the whole step. */
    private static Table iris() {
        try {
            return ArffTableReader.arff().read(BundledDatasets.dataDirectory().resolve("weka_example_arff/iris.arff"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 1,000 rows of UCI Adult: the "1,000-row data set", mixed types, some cells missing. */
    private static Table adult() {
        try {
            return CsvTableReader.csv().read(BundledDatasets.dataDirectory().resolve("adult_income_1000/adult-1000.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of {@code features} standard-normal features and a target y that depends on them. */
    static Table synthetic(int rows, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Table.Builder t = Table.builder();
        double[] y = new double[rows];
        for (int j = 0; j < features; j++) {
            double[] x = new double[rows];
            for (int i = 0; i < rows; i++) {
                x[i] = rng.nextGaussian();
                y[i] += Math.sin(x[i] * (j + 1)) / (j + 1);
            }
            t.numeric("x" + j, x);
        }
        return t.numeric("y", y).build();
    }
}
