package org.npt4j.demo;

import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * The core-only demo: trains NPT on the bundled Breast Cancer data with npt-core alone (no Tribuo,
 * no Weka) and prints held-out accuracy, AUROC and log-loss. The held-out rows take part in
 * training as NPT's semi-supervised test rows (features only), as in the paper. The comparison
 * with other learners is the experiments module's job.
 *
 * <pre>
 *   QuickStart [--preset cpu|paper] [--test-fraction F] [--SETTING VALUE ...]
 * </pre>
 *
 * where SETTING is any NPT setting by name ({@code --steps 500 --seed 3 --device gpu}; see
 * {@link Settings}).
 */
public final class QuickStart {

    private QuickStart() {}

    /**
     * @param args command-line options, see the class documentation
     */
    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        NptConfig.Builder builder = NptConfig.builder(Preset.parse(options.getOrDefault("preset", "cpu")));
        options.forEach((name, value) -> {
            if (!name.equals("preset") && !name.equals("test-fraction")) {
                builder.set(name, value);
            }
        });
        NptConfig config = builder.build();
        double testFraction = Double.parseDouble(options.getOrDefault("test-fraction", "0.2"));

        Table table = BundledDatasets.breastCancer();
        String target = BundledDatasets.BREAST_CANCER_TARGET;
        RowRole[] roles = heldOut(table, target, testFraction, config.get(SEED));
        int[] testRows = RowRoles.indicesOf(roles, RowRole.TEST);
        System.out.printf(Locale.ROOT, "npt4j quick start: Breast Cancer (%d rows x %d columns), %d training and %d held-out rows%n",
                table.rowCount(), table.columnCount(), table.rowCount() - testRows.length, testRows.length);
        System.out.println(config.describe());

        int every = Math.max(1, config.get(STEPS) / 20);
        NptTrainer trainer = new NptTrainer(config, p -> {
            if (p.step() % every == 0 || p.step() == p.totalSteps()) {
                System.out.println(p.format());
            }
        });
        try (NptModel model = trainer.fit(table, List.of(target), roles)) {
            Table heldOut = table.selectRows(testRows);
            ClassPredictions p = model.predict(heldOut.withoutColumns(List.of(target))).classes(target);
            CategoricalColumn truth = (CategoricalColumn) heldOut.column(target);
            int n = testRows.length;
            int[] t = new int[n];
            int[] y = new int[n];
            boolean[] positive = new boolean[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = p.categories().indexOf(truth.get(i));
                y[i] = p.classIndex(i);
                positive[i] = t[i] == 1;
                score[i] = p.probabilities(i)[1];
            }
            System.out.printf(Locale.ROOT, "%nHeld-out test rows: %d (positive class '%s')%n", n, p.categories().get(1));
            System.out.printf(Locale.ROOT, "  accuracy  %.4f%n", Metrics.accuracy(t, y));
            System.out.printf(Locale.ROOT, "  AUROC     %.4f%n", Metrics.auroc(positive, score));
            System.out.printf(Locale.ROOT, "  log-loss  %.4f%n", Metrics.logLoss(t, p.probabilities()));
            System.out.printf(Locale.ROOT, "Trained %d steps in %.1f s (kept step %d), %d parameters, %s on %s%n",
                    model.summary().steps(), model.summary().trainingMillis() / 1000.0, model.summary().bestStep(),
                    model.summary().parameterCount(), model.summary().engine(), model.summary().device());
        }
    }

    /** A stratified, seeded hold-out: each class contributes its share of test rows. */
    static RowRole[] heldOut(Table table, String target, double fraction, long seed) {
        CategoricalColumn labels = (CategoricalColumn) table.column(target);
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            byClass.computeIfAbsent(String.valueOf(labels.get(i)), k -> new ArrayList<>()).add(i);
        }
        RowRole[] roles = RowRoles.filled(table.rowCount(), RowRole.TRAIN);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x7E57L);
        for (List<Integer> rows : byClass.values()) {
            for (int i = rows.size() - 1; i > 0; i--) {
                java.util.Collections.swap(rows, i, rng.nextInt(i + 1));
            }
            int take = (int) Math.round(fraction * rows.size());
            for (int k = 0; k < take; k++) {
                roles[rows.get(k)] = RowRole.TEST;
            }
        }
        return roles;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: QuickStart [--preset cpu|paper] [--test-fraction F] "
                        + "[--SETTING VALUE ...]; could not read '" + args[i] + "'");
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
