package org.npt4j.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.npt4j.experiments.score.ConfusionMatrix;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.SampleMoments;

/**
 * Per-class precision, recall and F1 and the confusion matrices of a classification experiment, per
 * fold and pooled over folds. Pooled figures come from the sum of the folds' confusion matrices (every
 * test row counted once, as if the folds were one test set); beside them, the mean ± sample standard
 * deviation of each fold's own figure shows how much they vary from fold to fold. Folds on which a
 * figure is undefined (a class absent from a fold's test rows has no recall) are left out of its
 * mean, and folds on which a trainer failed are not counted at all.
 *
 * <p>Files: {@code per-class.csv} (pooled and mean ± sd per trainer and class), {@code per-class-folds.csv}
 * (per trainer, fold and class) and {@code confusion.csv} (per trainer, fold and true class, a column
 * per predicted class; fold {@code pooled} for the sum). Classes are in the label domain's order.
 */
public final class ClassReport {

    /**
     * One fold's confusion matrix.
     *
     * @param fold the fold's index
     * @param matrix its counts
     */
    public record FoldMatrix(int fold, ConfusionMatrix matrix) {}

    /**
     * A per-fold figure's spread.
     *
     * @param mean the mean over the folds where it is defined
     * @param sd the sample standard deviation; NaN for fewer than two folds
     * @param n the folds where it is defined
     */
    public record Spread(double mean, double sd, int n) {

        /** @return "mean ± sd" to three decimals, "n/a" without folds */
        public String format() {
            if (n == 0) {
                return "n/a";
            }
            return Double.isNaN(sd) ? fixed(mean) : fixed(mean) + " ± " + fixed(sd);
        }
    }

    /** The three figures, each read off a matrix for a class. */
    private enum Figure {
        PRECISION("precision", ConfusionMatrix::precision),
        RECALL("recall", ConfusionMatrix::recall),
        F1("F1", ConfusionMatrix::f1);

        final String label;
        final ToDoubleBiFunction<ConfusionMatrix, Integer> of;

        Figure(String label, ToDoubleBiFunction<ConfusionMatrix, Integer> of) {
            this.label = label;
            this.of = of;
        }

        String key() {
            return label.toLowerCase(Locale.ROOT);
        }
    }

    private final List<String> classes;
    private final Map<String, List<FoldMatrix>> byTrainer;
    private final FoldNumbering numbering;

    /**
     * @param classes the classes, in the label domain's order
     * @param byTrainer per trainer, in display order, the matrices of the folds it finished, in fold order
     */
    public ClassReport(List<String> classes, Map<String, List<FoldMatrix>> byTrainer) {
        this(classes, byTrainer, null);
    }

    /**
     * @param classes the classes, in the label domain's order
     * @param byTrainer per trainer, in display order, the matrices of the folds it finished, in fold order
     * @param numbering the folds' repetitions, which the per-fold files then name in a {@code repeat} column;
     *     null for a protocol that does not repeat
     */
    public ClassReport(List<String> classes, Map<String, List<FoldMatrix>> byTrainer, FoldNumbering numbering) {
        this.numbering = numbering != null && numbering.repeated() ? numbering : null;
        this.classes = List.copyOf(classes);
        this.byTrainer = new LinkedHashMap<>();
        byTrainer.forEach((t, folds) -> this.byTrainer.put(t, List.copyOf(folds)));
    }

    /**
     * Counts every finished fold's predictions file.
     *
     * @param folder the run's output folder, holding {@code predictions/}
     * @param results every (fold, trainer) result; failed ones are skipped
     * @param trainers the trainers in display order
     * @param classes the classes, in the label domain's order
     * @param numbering the folds and their repetitions
     * @return the report
     * @throws IOException if a predictions file cannot be read
     */
    public static ClassReport fromPredictions(Path folder, List<FoldResult> results, List<String> trainers, List<String> classes,
            FoldNumbering numbering) throws IOException {
        Map<String, List<FoldMatrix>> byTrainer = new LinkedHashMap<>();
        for (String t : trainers) {
            List<FoldMatrix> folds = new ArrayList<>();
            for (FoldResult r : results) {
                if (r.trainer().equals(t) && r.ok()) {
                    Path file = folder.resolve(ResultFiles.predictionsFile(t, r.fold()));
                    folds.add(new FoldMatrix(r.fold(), PredictionsCsv.confusion(file, classes)));
                }
            }
            byTrainer.put(t, folds);
        }
        return new ClassReport(classes, byTrainer, numbering);
    }

    /** @return the classes, in the label domain's order */
    public List<String> classes() {
        return classes;
    }

    /**
     * @param trainer a trainer
     * @return the sum of its folds' matrices
     */
    public ConfusionMatrix pooled(String trainer) {
        ConfusionMatrix sum = ConfusionMatrix.empty(classes);
        for (FoldMatrix f : byTrainer.get(trainer)) {
            sum = sum.plus(f.matrix());
        }
        return sum;
    }

    /** @return the trainer's per-fold values of a figure for class {@code c}: mean ± sd over the folds where defined */
    private Spread spread(String trainer, int c, Figure figure) {
        double[] values = byTrainer.get(trainer).stream().mapToDouble(f -> figure.of.applyAsDouble(f.matrix(), c))
                .filter(v -> !Double.isNaN(v)).toArray();
        SampleMoments m = SampleMoments.of(values);
        return new Spread(m.mean(), m.standardDeviation(), m.n());
    }

    /**
     * Writes {@code per-class.csv}, {@code per-class-folds.csv} and {@code confusion.csv}.
     *
     * @param folder the run's output folder
     * @throws IOException if a file cannot be written
     */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve("per-class.csv"), perClassCsv());
        AtomicFiles.write(folder.resolve("per-class-folds.csv"), perClassFoldsCsv());
        AtomicFiles.write(folder.resolve("confusion.csv"), confusionCsv());
    }

    String perClassCsv() {
        StringBuilder out = new StringBuilder("trainer,class,support,precision,recall,f1");
        for (Figure f : Figure.values()) {
            out.append(',').append(f.key()).append("_mean,").append(f.key()).append("_sd");
        }
        out.append(",folds\n");
        for (String t : byTrainer.keySet()) {
            ConfusionMatrix pooled = pooled(t);
            for (int c = 0; c < classes.size(); c++) {
                out.append(Csv.field(t)).append(',').append(Csv.field(classes.get(c))).append(',').append(pooled.support(c));
                for (Figure f : Figure.values()) {
                    out.append(',').append(number(f.of.applyAsDouble(pooled, c)));
                }
                for (Figure f : Figure.values()) {
                    Spread s = spread(t, c, f);
                    out.append(',').append(number(s.mean())).append(',').append(number(s.sd()));
                }
                out.append(',').append(byTrainer.get(t).size()).append('\n');
            }
        }
        return out.toString();
    }

    String perClassFoldsCsv() {
        StringBuilder out = new StringBuilder(foldColumns() + ",class,support,predicted,precision,recall,f1\n");
        for (Map.Entry<String, List<FoldMatrix>> e : byTrainer.entrySet()) {
            for (FoldMatrix f : e.getValue()) {
                for (int c = 0; c < classes.size(); c++) {
                    ConfusionMatrix m = f.matrix();
                    out.append(Csv.field(e.getKey())).append(',').append(foldCells(Integer.toString(f.fold()), f.fold()))
                            .append(',').append(Csv.field(classes.get(c)))
                            .append(',').append(m.support(c)).append(',').append(m.predicted(c));
                    for (Figure figure : Figure.values()) {
                        out.append(',').append(number(figure.of.applyAsDouble(m, c)));
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    String confusionCsv() {
        StringBuilder out = new StringBuilder(foldColumns() + ",actual");
        for (String c : classes) {
            out.append(',').append(Csv.field("predicted " + c));
        }
        out.append('\n');
        for (Map.Entry<String, List<FoldMatrix>> e : byTrainer.entrySet()) {
            for (FoldMatrix f : e.getValue()) {
                confusionRows(out, e.getKey(), foldCells(Integer.toString(f.fold()), f.fold()), f.matrix());
            }
            confusionRows(out, e.getKey(), foldCells("pooled", -1), pooled(e.getKey()));
        }
        return out.toString();
    }

    /** The per-fold files' key columns: a repeat column before the fold where the protocol repeats. */
    private String foldColumns() {
        return numbering == null ? "trainer,fold" : "trainer,repeat,fold";
    }

    /** @return the fold's key cells: its label, after its repetition where the protocol repeats (blank for the pooled sum) */
    private String foldCells(String label, int fold) {
        return numbering == null ? label : (fold < 0 ? "" : Integer.toString(numbering.repeat(fold))) + "," + label;
    }

    private void confusionRows(StringBuilder out, String trainer, String fold, ConfusionMatrix m) {
        for (int a = 0; a < classes.size(); a++) {
            out.append(Csv.field(trainer)).append(',').append(fold).append(',').append(Csv.field(classes.get(a)));
            for (int p = 0; p < classes.size(); p++) {
                out.append(',').append(m.count(a, p));
            }
            out.append('\n');
        }
    }

    /** The per-class table: pooled figures, then each figure's mean ± sd over folds. */
    private TextTable perClassTable(boolean spreads) {
        List<String> head = new ArrayList<>(List.of("trainer", "class", "support", "precision", "recall", "F1"));
        if (spreads) {
            for (Figure f : Figure.values()) {
                head.add(f.label + " mean ± sd");
            }
        } else {
            head.add("F1 mean ± sd");
        }
        TextTable table = new TextTable(head);
        for (String t : byTrainer.keySet()) {
            ConfusionMatrix pooled = pooled(t);
            for (int c = 0; c < classes.size(); c++) {
                List<String> row = new ArrayList<>(List.of(t, classes.get(c), Long.toString(pooled.support(c))));
                for (Figure f : Figure.values()) {
                    row.add(fixed(f.of.applyAsDouble(pooled, c)));
                }
                for (Figure f : spreads ? List.of(Figure.values()) : List.of(Figure.F1)) {
                    row.add(spread(t, c, f).format());
                }
                table.add(row);
            }
        }
        return table;
    }

    /** @return a trainer's pooled matrix as a table: a row per true class, a column per predicted class */
    private TextTable confusionTable(String trainer) {
        List<String> head = new ArrayList<>(List.of(trainer + ": actual \\ predicted"));
        head.addAll(classes);
        TextTable table = new TextTable(head);
        ConfusionMatrix pooled = pooled(trainer);
        for (int a = 0; a < classes.size(); a++) {
            List<String> row = new ArrayList<>(List.of(classes.get(a)));
            for (int p = 0; p < classes.size(); p++) {
                row.add(Long.toString(pooled.count(a, p)));
            }
            table.add(row);
        }
        return table;
    }

    /**
     * @return the compact printed form: pooled precision, recall and F1 per trainer and class with F1's
     *     mean ± sd over folds, then each trainer's pooled confusion matrix on one line
     */
    public String text() {
        StringBuilder out = new StringBuilder("Per class, pooled over folds (F1 also as mean ± sd over folds):\n");
        out.append(perClassTable(false).plain());
        out.append("Confusion matrices summed over folds (a row per actual class: counts predicted as ")
                .append(String.join(", ", classes)).append("):\n");
        for (String t : byTrainer.keySet()) {
            ConfusionMatrix pooled = pooled(t);
            List<String> rows = new ArrayList<>();
            for (int a = 0; a < classes.size(); a++) {
                List<String> counts = new ArrayList<>();
                for (int p = 0; p < classes.size(); p++) {
                    counts.add(Long.toString(pooled.count(a, p)));
                }
                rows.add(classes.get(a) + " [" + String.join(" ", counts) + "]");
            }
            out.append("  ").append(t).append(": ").append(String.join("  ", rows)).append('\n');
        }
        return out.toString();
    }

    /** @return the Markdown section: the per-class table and every trainer's pooled confusion matrix */
    public String markdown() {
        StringBuilder out = new StringBuilder("## Per class\n\n");
        out.append("Precision, recall and F1 from the confusion matrix summed over the folds each trainer finished, "
                + "then each as mean ± standard deviation over those folds (folds where a figure is undefined left out). "
                + "Also in `per-class.csv`, per fold in `per-class-folds.csv`.\n\n");
        out.append(perClassTable(true).markdown());
        out.append("\n## Confusion matrices\n\nSummed over folds; a row per actual class, a column per predicted class. "
                + "Per fold in `confusion.csv`.\n\n");
        for (String t : byTrainer.keySet()) {
            out.append(confusionTable(t).markdown()).append('\n');
        }
        return out.toString();
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
