package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.experiments.Experiment;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.Metric;
import org.npt4j.experiments.score.Scorer;
import org.npt4j.experiments.score.Task;
import org.npt4j.tribuo.AbstractNptTrainer;
import org.npt4j.tribuo.TableDatasets;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;

/**
 * The CPU preset search (issue 15): candidate settings for NPT, each trained on the first splits of
 * a paper-protocol config, scored on the validation rows (what the choice may use) and on the test
 * rows (what is reported, never used to choose), beside XGBoost on the same rows.
 *
 * <p>NPT trains as the runner trains it under the paper protocol: training rows labelled, the
 * validation rows picking the checkpoint, the test rows' features in training with their labels
 * hidden. Its validation score is the validation target loss of the kept checkpoint, in the form
 * XGBoost's can be compared with: RMSE in the target's units for regression, log-loss for a class
 * (the validation rows are in the model's context with their labels, so predicting them again would
 * let each row see its own label). XGBoost gets two fits per split: on the training rows, scored on
 * validation (the choice's yardstick), and on training + validation, scored on test (the runner's
 * fair baseline). NPT's seed is the config's seed plus the split's index, so each split trains
 * its own initialisation and masks, as the runner's invocation counts make it do (the numbers are
 * not the runner's to the digit: the Tribuo trainer derives its seeds its own way).
 *
 * <p>Arguments, one string split on white space: the config, how many splits (from the first), the
 * TSV file that rows are appended to (one per split and candidate, written as each finishes, so an
 * interrupted search keeps what it measured), then candidates as {@code name:setting=value,...} on
 * top of the config's NPT trainer (a bare {@code name} keeps it as configured).
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.CpuPresetSearch \
 *     -Dbench.shapes="configs/boston-paper-protocol-cpu-preset.xml 3 search.tsv e16:embeddingDim=16,steps=1000"</pre>
 */
public final class CpuPresetSearch {

    static final String HEADER = "dataset\tcandidate\tsettings\tsplit\tnpt_validation\txgboost_validation\tnpt_test\t"
            + "xgboost_test\tnpt_test_accuracy\txgboost_test_accuracy\tkept_step\tsteps\tseconds";

    /** One candidate: a name and the settings it changes. */
    record Candidate(String name, SettingChanges changes) {

        static Candidate parse(String spec) {
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            return new Candidate(name, colon < 0 ? SettingChanges.NONE
                    : SettingChanges.parse(spec.substring(colon + 1), "candidate " + name));
        }

        NptConfig apply(NptConfig base, long seed) {
            return changes.applyTo(base.toBuilder().set(SEED, seed)).build();
        }

        String describe() {
            return changes.describe();
        }
    }

    /** A score on validation and on test; accuracy only for a class. */
    private record Scores(double validation, double test, double testAccuracy) {}

    /** NPT's scores and the step whose weights it kept. */
    private record NptRun(Scores scores, int keptStep) {}

    private CpuPresetSearch() {}

    /**
     * @param args see the class comment
     * @throws Exception if the config cannot be loaded or a fit fails
     */
    public static void main(String[] args) throws Exception {
        String[] a = String.join(" ", args).trim().split("\\s+");
        if (a.length < 4) {
            throw new IllegalArgumentException("usage: <config> <splits> <out.tsv> <candidate>...");
        }
        Path root = ProjectFiles.root();
        Path config = root.resolve(a[0]);
        int splits = Integer.parseInt(a[1]);
        Path out = root.resolve(a[2]);
        List<Candidate> candidates = Arrays.stream(a, 3, a.length).map(Candidate::parse).toList();
        if (!Files.exists(out)) {
            Files.writeString(out, HEADER + "\n");
        }
        Path copy = ProjectFiles.withAbsoluteDataPaths(root, config);
        try (ConfigurationManager cm = new ConfigurationManager(new String[] {"-c", copy.toString()}, new Options() {})) {
            Experiment experiment = (Experiment) cm.lookup("experiment");
            AbstractNptTrainer<?> npt = (AbstractNptTrainer<?>) cm.lookup("npt");
            Trainer<?> xgboost = (Trainer<?>) cm.lookup("xgboost");
            Table table = experiment.source().table();
            String target = experiment.source().response();
            Task task = experiment.source().task();
            String dataset = config.getFileName().toString().replace(".xml", "");
            for (Split split : experiment.splits().subList(0, Math.min(splits, experiment.splits().size()))) {
                Scores baseline = xgboost(xgboost, table, target, task, split);
                for (Candidate c : candidates) {
                    NptConfig settings = c.apply(npt.nptConfig(), npt.nptConfig().get(SEED) + split.index());
                    long start = System.nanoTime();
                    NptRun run = npt(settings, table, target, task, split);
                    Scores s = run.scores();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    String row = String.join("\t", dataset, c.name(), c.describe(), Integer.toString(split.index()),
                            f(s.validation()), f(baseline.validation()), f(s.test()), f(baseline.test()), f(s.testAccuracy()),
                            f(baseline.testAccuracy()), Integer.toString(run.keptStep()), Integer.toString(settings.get(STEPS)),
                            String.format(Locale.ROOT, "%.1f", seconds));
                    System.out.println(row);
                    append(out, row);
                }
            }
        }
    }

    private static NptRun npt(NptConfig settings, Table table, String target, Task task, Split split) {
        try (NptModel model = new NptTrainer(settings, p -> { }).fit(table, List.of(target), split.roles(table.rowCount()))) {
            int kept = model.summary().bestStep();
            Table test = table.selectRows(split.test());
            Predictions predictions = model.predict(test.withoutColumns(List.of(target)));
            double loss = model.summary().bestValidationLoss();
            if (task == Task.CLASSIFICATION) {
                ClassPredictions classes = predictions.classes(target);
                String[] truth = ((CategoricalColumn) test.column(target)).values();
                String[] labels = new String[truth.length];
                for (int i = 0; i < truth.length; i++) {
                    labels[i] = classes.label(i);
                }
                return new NptRun(new Scores(loss, meanOneVsRestAuroc(classes, truth), ParityMetrics.accuracy(labels, truth)), kept);
            }
            double[] truth = ((NumericColumn) test.column(target)).values();
            NumericalEncoder encoder = (NumericalEncoder) model.schema().column(model.schema().indexOf(target)).encoder();
            return new NptRun(new Scores(Math.sqrt(loss) * encoder.std(), ParityMetrics.rmse(predictions.values(target).values(), truth),
                    Double.NaN), kept);
        }
    }

    /**
     * Each class's AUROC against the rest, averaged over the classes the test rows hold, as Tribuo's
     * {@code averageAUCROC(false)} gives the runner's baselines; for two classes it is the AUROC.
     */
    private static double meanOneVsRestAuroc(ClassPredictions classes, String[] truth) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < classes.categories().size(); c++) {
            double[] scores = new double[truth.length];
            boolean[] isClass = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                scores[i] = classes.probabilities(i)[c];
                isClass[i] = classes.categories().get(c).equals(truth[i]);
            }
            double auroc = ParityMetrics.auroc(scores, isClass);
            if (!Double.isNaN(auroc)) {
                sum += auroc;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** XGBoost on train scored on validation, and on train + validation scored on test. */
    private static Scores xgboost(Trainer<?> trainer, Table table, String target, Task task, Split split) {
        int[] both = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).toArray();
        Map<Metric, Double> validation = fitAndScore(trainer, table, target, task, split.train(), split.validation());
        Map<Metric, Double> test = fitAndScore(trainer, table, target, task, both, split.test());
        return task == Task.CLASSIFICATION
                ? new Scores(validation.get(Metric.LOG_LOSS), test.get(Metric.AUROC), test.get(Metric.ACCURACY))
                : new Scores(validation.get(Metric.RMSE), test.get(Metric.RMSE), Double.NaN);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<Metric, Double> fitAndScore(Trainer trainer, Table table, String target, Task task, int[] fit, int[] score) {
        Dataset<?> train = dataset(table.selectRows(fit), target, task, "fit");
        Dataset<?> scored = dataset(table.selectRows(score), target, task, "scored");
        Model<?> model = trainer.train(train);
        return Scorer.score(task, model, scored, model.predict((Dataset) scored));
    }

    private static Dataset<?> dataset(Table t, String target, Task task, String name) {
        return task == Task.CLASSIFICATION ? TableDatasets.classification(t, target, name)
                : TableDatasets.regression(t, List.of(target), name);
    }

    private static void append(Path out, String row) {
        try {
            Files.writeString(out, row + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5f", v);
    }
}
