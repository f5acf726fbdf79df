package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.STEPS;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.SchemaFitter;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.core.training.SweepVariant;
import org.npt4j.experiments.Experiment;
import org.npt4j.tribuo.AbstractNptTrainer;
import org.npt4j.tribuo.NptVariant;

/**
 * What the paper configs ({@code configs/paper/}) cost: for each config, every variant of its sweep
 * is timed for a few steps on the config's own data and first split (full batch, validation after
 * every step, test rows in the table), and its seconds per step are multiplied by its steps. Variants
 * of the same depth and heads share a measurement. For a GPU, the FLOPs of a step ({@link
 * FlopModel}: the training step plus the validation pass) and the memory a step needs are printed:
 * estimates from the shapes, not measurements.
 *
 * <p>Concrete and Yacht are not bundled: stand-in tables of their size and column types (1,030 rows
 * of 9 numerical columns; 308 rows of 6 categorical columns and a numerical target) are timed instead,
 * since a step's time depends on the shape alone.
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.PaperBudget -Dbench.shapes=3</pre>
 */
public final class PaperBudget {

    private static final List<String> CONFIGS = List.of("breast-cancer", "boston", "concrete", "yacht");

    /** One measured depth and head count: seconds per step, FLOPs per step, bytes a step needs. */
    private record Measurement(double seconds, double flops, double bytes) {}

    private PaperBudget() {}

    /**
     * @param args optionally the number of steps timed per variant shape (at least 2; default 3)
     * @throws Exception if a config cannot be loaded or training fails
     */
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 && args[0].matches("\\d+") ? Math.max(2, Integer.parseInt(args[0])) : 3;
        Path root = ProjectFiles.root();
        StringBuilder md = new StringBuilder("| config | rows x columns | variant | layers | heads | steps | s/step | hours per split "
                + "| TFLOP per step | GB a step needs |\n|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder totals = new StringBuilder("| config | Default, one split | sweep of 8, one split | sweep, 10 splits "
                + "| sweep TFLOP per split |\n|---|---|---|---|---|\n");
        for (String name : CONFIGS) {
            budget(root, name, steps, md, totals);
        }
        System.out.println("Timed " + steps + " steps per layer/head shape on " + Runtime.getRuntime().availableProcessors()
                + " cores (" + System.getProperty("os.arch") + "); s/step excludes the first step (it builds the network)"
                + " and includes the validation pass after every step.\n");
        System.out.println(md);
        System.out.println(totals);
    }

    private static void budget(Path root, String name, int steps, StringBuilder md, StringBuilder totals) throws IOException {
        Path config = ProjectFiles.withAbsoluteDataPaths(root, root.resolve("configs/paper/" + name + ".xml"));
        List<String> args = new ArrayList<>(List.of("-c", config.toString()));
        Path standIn = standIn(name);
        if (standIn != null) {
            args.addAll(List.of("--@" + name + ".file", standIn.toString()));
        }
        try (ConfigurationManager cm = new ConfigurationManager(args.toArray(String[]::new), new Options() {})) {
            Experiment experiment = (Experiment) cm.lookup("experiment");
            Table table = experiment.source().table();
            String target = experiment.source().response();
            RowRole[] roles = experiment.splits().get(0).roles(table.rowCount());
            AbstractNptTrainer<?> npt = (AbstractNptTrainer<?>) cm.lookup("npt");
            Map<String, Measurement> measured = new LinkedHashMap<>();
            double defaultHours = 0;
            double sweepHours = 0;
            double sweepFlops = 0;
            for (NptVariant v : npt.variants()) {
                SweepVariant variant = v.apply(npt.nptConfig());
                NptConfig c = variant.config();
                String shape = c.get(DEPTH) + "/" + c.get(HEADS);
                Measurement m = measured.computeIfAbsent(shape, s -> measure(c, table, target, roles, steps));
                double hours = m.seconds() * c.get(STEPS) / 3600;
                defaultHours = defaultHours == 0 ? hours : defaultHours;
                sweepHours += hours;
                sweepFlops += m.flops() * c.get(STEPS);
                md.append(String.format(Locale.ROOT, "| %s | %d x %d | %s | %d | %d | %,d | %.2f | %.1f | %.3f | %.1f |%n", name,
                        table.rowCount(), table.columnCount(), variant.name(), c.get(DEPTH), c.get(HEADS), c.get(STEPS),
                        m.seconds(), hours, m.flops() / 1e12, m.bytes() / 1e9));
            }
            totals.append(String.format(Locale.ROOT, "| %s | %.1f h | %.0f h | %.0f days | %,.0f |%n", name, defaultHours, sweepHours,
                    sweepHours * 10 / 24, sweepFlops / 1e12));
        }
    }

    /** Times {@code steps} steps of one variant; the first step, which builds the network, is left out. */
    private static Measurement measure(NptConfig variant, Table table, String target, RowRole[] roles, int steps) {
        NptConfig c = variant.toBuilder().set(STEPS, steps).build();
        double[] elapsed = new double[steps];
        System.err.printf(Locale.ROOT, "timing %d layers, %d heads on %d rows ...%n", c.get(DEPTH), c.get(HEADS), table.rowCount());
        long parameters;
        try (NptModel model = new NptTrainer(c, p -> elapsed[p.step() - 1] = p.elapsed().toNanos() / 1e9)
                .fit(table, List.of(target), roles)) {
            parameters = model.summary().parameterCount();
        }
        ColumnLayout layout = ColumnLayout.of(SchemaFitter.fit(table, List.of(target), roles));
        long n = table.rowCount();
        double flops = FlopModel.step(layout, c, n) + FlopModel.forward(layout, c, n);
        return new Measurement((elapsed[steps - 1] - elapsed[0]) / (steps - 1), flops, FlopModel.memoryBytes(layout, c, n, parameters));
    }

    /** A stand-in for a data set that is not bundled, of its size and column types; null for bundled ones. */
    private static Path standIn(String name) throws IOException {
        int rows;
        int columns;
        int levels;
        switch (name) {
            case "concrete" -> {
                rows = 1030;
                columns = 9;
                levels = 0;
            }
            case "yacht" -> {
                rows = 308;
                columns = 7;
                levels = 8;
            }
            default -> {
                return null;
            }
        }
        SplittableRandom r = new SplittableRandom(1);
        List<String> lines = new ArrayList<>(List.of("header"));
        for (int i = 0; i < rows; i++) {
            List<String> cells = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                boolean categorical = levels > 0 && j < columns - 1;
                cells.add(categorical ? "v" + r.nextInt(levels) : Double.toString(r.nextGaussian()));
            }
            lines.add(String.join(",", cells));
        }
        Path file = Files.createTempFile(name + "-stand-in", ".csv");
        file.toFile().deleteOnExit();
        Files.write(file, lines);
        return file;
    }
}
