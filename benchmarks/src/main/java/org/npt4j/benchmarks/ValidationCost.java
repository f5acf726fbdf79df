package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.NptConfig;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.core.training.TrainingProgress;

/**
 * What the paper's validation after every step costs: a shape trained with 10 % of its rows held
 * out for validation, evaluated after every step (evaluation interval 1) and, alternately in the
 * same JVM, with no validation rows at all. Prints per shape and run the median time of a training
 * step, of the validation forward pass and of keeping improved weights (on the steps that
 * improved), and what validation adds to a step.
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.ValidationCost -Dbench.shapes="bc-paper,boston-paper 2"</pre>
 *
 * The second argument is how many times each pair of runs is repeated (default 2).
 */
public final class ValidationCost {

    private ValidationCost() {}

    /**
     * @param args shapes (comma-separated) and repeats; may come as one space-separated string
     */
    public static void main(String[] args) {
        String[] a = String.join(" ", args).trim().split("\\s+");
        String shapes = a.length > 0 && !a[0].isEmpty() ? a[0] : "bc-paper,boston-paper";
        int repeats = a.length > 1 ? Integer.parseInt(a[1]) : 2;
        System.out.println("| shape | run | validation | timed steps | step without validation (ms) | validation forward (ms) "
                + "| keeping improved weights (ms) | steps improved | validation + keeping per step (ms) | share of a step |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String name : shapes.split(",")) {
            BenchmarkShape shape = BenchmarkShape.named(name.trim());
            for (int r = 1; r <= repeats; r++) {
                Row every = run(shape, true);
                Row none = run(shape, false);
                System.out.println(every.format(shape.name(), r, "every step", every.trainMs()));
                System.out.println(none.format(shape.name(), r, "none", every.trainMs()));
            }
        }
        System.out.println("""

                "step without validation" is the wall time of a step minus its validation and weight keeping; "share of a \
                step" is validation plus weight keeping per step (the copy counted on the steps that improved, averaged \
                over all timed steps) over the median step of the run without validation rows in the same pair. \
                Validation rows are 10 % of the table, drawn by the configuration's seed; they stay in the table with \
                their targets masked, so a step's table is the same size either way.""");
    }

    private record Row(int steps, double trainMs, double validationMs, double keepingMs, int improved, double perStepMs) {
        String format(String shape, int repeat, String validation, double reference) {
            return String.format(Locale.ROOT, "| %s | %d | %s | %d | %.0f | %s | %s | %s | %s | %s |", shape, repeat, validation, steps,
                    trainMs, Double.isNaN(validationMs) ? "-" : String.format(Locale.ROOT, "%.0f", validationMs),
                    Double.isNaN(keepingMs) ? "-" : String.format(Locale.ROOT, "%.0f", keepingMs),
                    Double.isNaN(validationMs) ? "-" : improved + "/" + steps,
                    Double.isNaN(validationMs) ? "-" : String.format(Locale.ROOT, "%.0f", perStepMs),
                    Double.isNaN(validationMs) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * perStepMs / reference));
        }
    }

    private static Row run(BenchmarkShape shape, boolean validate) {
        int warmup = Math.min(shape.warmup(), 3);
        int measured = Math.min(shape.measured(), 8);
        NptConfig config = shape.config().toBuilder().set(STEPS, warmup + measured)
                .set(VALIDATION_FRACTION, validate ? 0.1 : 0.0).set(EVALUATION_INTERVAL, 1).build();
        Table table = shape.table().get();
        List<double[]> timed = new ArrayList<>();
        long[] last = {0};
        NptTrainer trainer = new NptTrainer(config, p -> {
            long now = System.nanoTime();
            if (p.step() > warmup) {
                timed.add(new double[] {(now - last[0]) / 1e6, millis(p, true), millis(p, false), improved(p) ? 1 : 0});
            }
            last[0] = now;
        });
        try (NptModel model = trainer.fit(table, shape.targets(), null)) {
            double[] wall = timed.stream().mapToDouble(t -> t[0] - t[1] - t[2]).sorted().toArray();
            double[] validation = timed.stream().mapToDouble(t -> t[1]).sorted().toArray();
            double[] keeping = timed.stream().filter(t -> t[3] == 1).mapToDouble(t -> t[2]).sorted().toArray();
            double perStep = timed.stream().mapToDouble(t -> t[1] + t[2]).average().orElse(Double.NaN);
            return new Row(timed.size(), median(wall), validate ? median(validation) : Double.NaN,
                    validate && keeping.length > 0 ? median(keeping) : Double.NaN, keeping.length, perStep);
        }
    }

    private static boolean improved(TrainingProgress p) {
        return p.evaluated() && p.validationLoss() == p.bestValidationLoss() && !p.bestWeightsTime().isZero();
    }

    private static double millis(TrainingProgress p, boolean validation) {
        return (validation ? p.validationTime() : p.bestWeightsTime()).toNanos() / 1e6;
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
