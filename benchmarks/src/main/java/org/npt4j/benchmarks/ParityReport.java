package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.EVALUATION_INTERVAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.npt4j.benchmarks.ParityTrainer.SeedResult;
import org.npt4j.core.NptConfig;

/**
 * Writes the parity report as Markdown: how it was made, the settings as configured, the encoder
 * check, one row per seed beside the reference's runs with a computed verdict per metric, and the
 * first seed's validation curve.
 */
final class ParityReport {

    /**
     * One data set's part of the report.
     *
     * @param c the data set
     * @param config the configuration of its first seed (the others differ in the seed only)
     * @param steps the steps trained
     * @param check the encoder check
     * @param seeds one result per seed
     */
    record CaseOutcome(ParityCase c, NptConfig config, int steps, EncoderCheck check, List<SeedResult> seeds) {}

    /**
     * How the report was made.
     *
     * @param command the command line
     * @param date when it ran
     * @param machine cores, architecture, CPU and Java
     * @param engine the DJL and PyTorch versions
     * @param parityBudget whether every data set trained for the reference's budget
     */
    record RunFacts(String command, String date, String machine, String engine, boolean parityBudget) {}

    /** The settings listed, in this order: those the parity depends on. */
    private static final List<String> SETTINGS = List.of("embeddingDim", "depth", "heads", "hiddenDropout", "attentionDropout",
            "batchSize", "steps", "evaluationInterval", "learningRate", "lrSchedule", "flatProportion", "lookaheadSteps",
            "lookaheadAlpha", "gradientClipValue", "weightDecay", "featureMaskProbability", "targetMaskProbability",
            "maskFraction", "tradeoffStart", "tradeoffSchedule", "tradeoffAnnealingProportion", "semiSupervised");

    private ParityReport() {}

    /**
     * @param facts how the report was made
     * @param outcomes one per data set
     * @return the report
     */
    static String markdown(RunFacts facts, List<CaseOutcome> outcomes) {
        StringBuilder md = new StringBuilder("# npt4j against the NPT reference at equal budget\n\n");
        md.append("- Command: `").append(facts.command()).append("`\n");
        md.append("- Date: ").append(facts.date()).append('\n');
        md.append("- Machine: ").append(facts.machine()).append('\n');
        md.append("- Engine: ").append(facts.engine()).append(" (the reference ran PyTorch 1.13.1)\n");
        if (!facts.parityBudget()) {
            md.append("\n**Not the parity budget**: steps were overridden (");
            md.append(String.join(", ", outcomes.stream().map(o -> o.c().title() + " " + o.steps() + " instead of " + o.c().steps()).toList()));
            md.append("). This is a smoke test; its numbers say nothing about parity.\n");
        }
        md.append("""

                Both sides train on fold 0 of the reference's 10-fold protocol (`np_seed=42`, test 10 %, validation 20 %), \
                bundled as `reference-parity-splits.json`: full batch over every row, validation and test rows' targets \
                hidden, the weights of the best validation target loss kept. npt4j predicts the test rows jointly \
                (`NptModel.predictJointly`: one pass with the training and validation rows, the test rows attending to \
                one another too), as the reference evaluates its full batch. The reference's numbers are from \
                the\s""").append(ReferenceRuns.SOURCE).append(".\n");
        settings(md, outcomes);
        encoder(md, outcomes);
        for (CaseOutcome o : outcomes) {
            results(md, o);
        }
        curves(md, outcomes);
        return md.toString();
    }

    /**
     * Writes the report whole: a temporary file beside the target, then a move, so that an
     * interrupted run leaves the previous report intact.
     *
     * @param file the report file
     * @param text the report
     * @throws IOException if it cannot be written
     */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void settings(StringBuilder md, List<CaseOutcome> outcomes) {
        md.append("\n## Settings (as configured)\n\n| setting |");
        outcomes.forEach(o -> md.append(' ').append(o.c().title()).append(" |"));
        md.append("\n|---|").append("---|".repeat(outcomes.size())).append('\n');
        for (String name : SETTINGS) {
            md.append("| ").append(name).append(" |");
            for (CaseOutcome o : outcomes) {
                Map<String, String> values = o.config().toMap();
                md.append(' ').append(values.getOrDefault(name, "—")).append(" |");
            }
            md.append('\n');
        }
        md.append("\nFull batch: one epoch is one step, so `evaluationInterval` counts steps. Seeds: ")
                .append(outcomes.isEmpty() ? "" : String.join(", ", outcomes.get(0).seeds().stream().map(s -> Long.toString(s.seed())).toList()))
                .append(" (the reference's weights are unseeded).\n");
    }

    private static void encoder(StringBuilder md, List<CaseOutcome> outcomes) {
        md.append("\n## Encoder check\n\nnpt4j's standardisation (`SchemaFitter.fit` with the split's roles, as `NptTrainer.fit` calls it) "
                + "against the reference's, per numerical column, mean and population std. Tolerance ")
                .append(String.format(Locale.ROOT, "%.0e", EncoderCheck.TOLERANCE)).append(" relative.\n\n");
        for (CaseOutcome o : outcomes) {
            EncoderCheck check = o.check();
            md.append(String.format(Locale.ROOT, "- **%s: %s**: %d numerical columns, largest absolute difference %.3g, largest relative %.3g%s.%n",
                    o.c().title(), check.passes() ? "pass" : "FAIL", check.columns().size(), check.maxAbsoluteDifference(),
                    check.maxRelativeDifference(), check.typeMismatches().isEmpty() ? "" : "; type mismatches " + check.typeMismatches()));
            md.append("  Rows npt4j's statistics come from (found by refitting over each row set): features: ")
                    .append(check.featureRows()).append("; target `").append(o.c().target()).append("`: ")
                    .append(check.targetRows()).append(".\n");
        }
        for (CaseOutcome o : outcomes) {
            md.append("\n<details><summary>").append(o.c().title()).append(", every column</summary>\n\n");
            md.append("| column | npt4j mean | reference mean | npt4j std | reference std | max abs. difference | pass |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (EncoderCheck.ColumnCheck c : o.check().columns()) {
                md.append(String.format(Locale.ROOT, "| %s%s | %.10g | %.10g | %.10g | %.10g | %.2g | %s |%n", c.name(),
                        c.target() ? " (target)" : "", c.mean(), c.referenceMean(), c.std(), c.referenceStd(), c.absoluteDifference(),
                        c.passes() ? "yes" : "**no**"));
            }
            md.append("\n</details>\n");
        }
    }

    private static void results(StringBuilder md, CaseOutcome o) {
        ParityCase c = o.c();
        boolean cls = c.classification();
        md.append(String.format(Locale.ROOT, "%n## %s: %d steps, validation every %d%n%n", c.title(), o.steps(),
                o.config().get(EVALUATION_INTERVAL)));
        List<Metric> metrics = cls
                ? List.of(new Metric("kept step", "%.0f", s -> s.keptStep(), r -> r.keptStep()),
                        new Metric("best val. loss (cross-entropy)", "%.4f", SeedResult::bestValidationLoss, r -> Double.NaN),
                        new Metric("test accuracy", "%.3f", SeedResult::testAccuracy, ReferenceRuns.Run::testAccuracy),
                        new Metric("test AUROC (" + c.positiveClass() + ")", "%.3f", SeedResult::testAuroc, ReferenceRuns.Run::testAuroc),
                        new Metric("training s", "%.1f", SeedResult::trainingSeconds, r -> Double.NaN))
                : List.of(new Metric("kept step", "%.0f", s -> s.keptStep(), r -> r.keptStep()),
                        new Metric("best val. loss (MSE, standardised)", "%.4f", SeedResult::bestValidationLoss, r -> Double.NaN),
                        new Metric("val. RMSE ($1000)", "%.3f", SeedResult::validationRmse, ReferenceRuns.Run::validationRmse),
                        new Metric("test RMSE ($1000)", "%.3f", SeedResult::testRmse, ReferenceRuns.Run::testRmse),
                        new Metric("training s", "%.1f", SeedResult::trainingSeconds, r -> Double.NaN));
        md.append("| run |");
        metrics.forEach(m -> md.append(' ').append(m.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(metrics.size())).append('\n');
        for (SeedResult s : o.seeds()) {
            md.append("| npt4j, seed ").append(s.seed()).append(" |");
            metrics.forEach(m -> md.append(' ').append(format(m.format(), m.ours().applyAsDouble(s))).append(" |"));
            md.append('\n');
        }
        md.append("| **npt4j, mean ± sd** |");
        for (Metric m : metrics) {
            double[] v = values(o.seeds(), m);
            md.append(' ').append(format(m.format(), ParityMetrics.mean(v))).append(" ± ")
                    .append(format(m.format().replace(".0f", ".1f"), ParityMetrics.sampleStd(v))).append(" |");
        }
        md.append('\n');
        for (ReferenceRuns.Run r : ReferenceRuns.of(c)) {
            md.append("| reference, run ").append(r.name()).append(" |");
            metrics.forEach(m -> md.append(' ').append(format(m.format(), m.reference().applyAsDouble(r))).append(" |"));
            md.append('\n');
        }
        md.append("\nsd is the sample standard deviation over seeds (n − 1); — where a side records nothing. Training s is npt4j's "
                + "own measure (`TrainingSummary.trainingMillis`: building the network included, prediction not), on a machine that "
                + "may have been shared.");
        if (!cls) {
            md.append(" Validation RMSE = sqrt(validation MSE in standardised units) × the target's std fitted on the training rows, "
                    + "which converts it to $1000; test RMSE is computed from the predictions in $1000.");
        } else {
            md.append(" AUROC of the malignant class by the rank-sum formula, ties at their average rank.");
        }
        md.append("\n\n");
        for (Metric m : metrics) {
            double[] ref = ReferenceRuns.of(c).stream().mapToDouble(m.reference()).toArray();
            if (Double.isNaN(ref[0])) {
                continue;
            }
            md.append("- ").append(verdict(c, m, values(o.seeds(), m), ref)).append('\n');
        }
    }

    /** @return whether npt4j's mean is in the reference's range, and whether mean ± sd reaches it, computed */
    static String verdict(ParityCase c, Metric m, double[] ours, double[] reference) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double r : reference) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        double mean = ParityMetrics.mean(ours);
        double sd = ParityMetrics.sampleStd(ours);
        String f = m.format();
        String range = "[" + format(f, lo) + ", " + format(f, hi) + "]";
        String where = mean < lo ? "below it by " + format("%.3g", lo - mean)
                : mean > hi ? "above it by " + format("%.3g", mean - hi) : "inside it";
        String spread = Double.isNaN(sd) ? "one seed, no spread"
                : (mean - sd <= hi && mean + sd >= lo ? "mean ± sd overlaps it" : "mean ± sd does not reach it");
        return String.format(Locale.ROOT, "%s, %s: npt4j mean %s; reference range (runs A, B) %s: %s; %s.", c.title(), m.name(),
                format(f, mean), range, where, spread);
    }

    private static void curves(StringBuilder md, List<CaseOutcome> outcomes) {
        md.append("\n## Validation target loss during training (first seed)\n\n");
        for (CaseOutcome o : outcomes) {
            if (o.seeds().isEmpty()) {
                continue;
            }
            SeedResult s = o.seeds().get(0);
            md.append(o.c().title()).append(", seed ").append(s.seed()).append(":\n\n| step |");
            for (int step : s.evaluatedSteps()) {
                md.append(' ').append(step).append(" |");
            }
            md.append("\n|---|").append("---|".repeat(s.evaluatedSteps().length)).append("\n| val. loss |");
            for (double v : s.validationLosses()) {
                md.append(' ').append(format("%.4f", v)).append(" |");
            }
            md.append("\n\nThe reference, for comparison (another quantity: ").append(ReferenceRuns.curve(o.c())).append(").\n\n");
        }
    }

    private static double[] values(List<SeedResult> seeds, Metric m) {
        return seeds.stream().mapToDouble(m.ours()).toArray();
    }

    private static String format(String f, double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, f, v);
    }

    /**
     * A column of the results table.
     *
     * @param name its heading
     * @param format how its values are printed
     * @param ours its value for an npt4j seed
     * @param reference its value for a reference run, NaN where the note has none
     */
    record Metric(String name, String format, ToDoubleFunction<SeedResult> ours, ToDoubleFunction<ReferenceRuns.Run> reference) {}
}
