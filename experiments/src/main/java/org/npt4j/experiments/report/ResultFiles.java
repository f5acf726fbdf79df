package org.npt4j.experiments.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.Metric;

/**
 * Writes a finished experiment's files into its output folder: {@code summary.md} and
 * {@code summary.csv} (mean ± s.e. per trainer, and each trainer's {@link Significance} test against
 * the base trainer, NPT), {@code splits.csv} (each row's role in each split), {@code comparison.png} and, for
 * classification, the {@link ClassReport}'s per-class and confusion files;
 * the runner writes each fold's {@code provenance/}, {@code predictions/} and line of {@code folds.csv}
 * ({@link FoldLog}) as it goes. Every table marks, Weka's way, where a trainer is significantly better
 * ({@code v}) or worse ({@code *}) than the base, and says which rows and how many threads each trainer
 * was given and which trainers failed on which folds. Each file is written whole or not at all.
 */
public final class ResultFiles {

    private static final Logger LOG = Logger.getLogger(ResultFiles.class.getName());

    private final Path folder;
    private final String heading;
    private final String description;
    private final Summary summary;
    private final Significance significance;
    private final List<Metric> quality;
    private final Map<String, String> given;
    private final ClassReport classes;
    private final FoldNumbering numbering;
    private final String startup;

    /**
     * @param folder the run's output folder
     * @param heading the experiment's title, the first line of {@code summary.md} and the chart
     * @param description the dataset and protocol in one line, under the heading
     * @param summary the comparison
     * @param significance every trainer's test against the base on each of the summary's metrics
     * @param quality the quality metrics among the summary's, whose best mean is marked and which are charted
     * @param given per trainer, in a few words, which rows and how many threads it was given (printed under the tables)
     */
    public ResultFiles(Path folder, String heading, String description, Summary summary, Significance significance,
            List<Metric> quality, Map<String, String> given) {
        this(folder, heading, description, summary, significance, quality, given, null, null, "");
    }

    /**
     * @param folder the run's output folder
     * @param heading the experiment's title, the first line of {@code summary.md} and the chart
     * @param description the dataset and protocol in one line, under the heading
     * @param summary the comparison
     * @param significance every trainer's test against the base on each of the summary's metrics
     * @param quality the quality metrics among the summary's, whose best mean is marked and which are charted
     * @param given per trainer, in a few words, which rows it was given (printed under the tables)
     * @param classes per-class figures and confusion matrices of a classification experiment, or null
     * @param numbering the folds and their repetitions, for the legend; null for a protocol that does not repeat
     * @param startup the run's one-off engine start-up in a line, kept out of every fold's training time and so
     *     written apart from the times; empty when nothing was started
     */
    public ResultFiles(Path folder, String heading, String description, Summary summary, Significance significance,
            List<Metric> quality, Map<String, String> given, ClassReport classes, FoldNumbering numbering, String startup) {
        this.startup = startup;
        this.classes = classes;
        this.numbering = numbering;
        this.folder = folder;
        this.heading = heading;
        this.description = description;
        this.summary = summary;
        this.significance = significance;
        this.quality = List.copyOf(quality);
        this.given = new LinkedHashMap<>(given);
    }

    /**
     * Where a fold model's provenance goes, so that the runner writes it where {@code folds.csv}
     * points.
     *
     * @param trainer the trainer's name
     * @param fold the fold's index
     * @return the file, relative to the output folder
     */
    public static String provenanceFile(String trainer, int fold) {
        return "provenance/" + safe(trainer) + "-fold-" + fold + ".json";
    }

    /**
     * Where a fold's predictions go ({@link PredictionsCsv}).
     *
     * @param trainer the trainer's name
     * @param fold the fold's index
     * @return the file, relative to the output folder
     */
    public static String predictionsFile(String trainer, int fold) {
        return "predictions/" + safe(trainer) + "-fold-" + fold + ".csv";
    }

    /**
     * @return the comparison as an aligned text table, the best mean of each quality metric marked
     *     with ^ and each significant difference from the base with v or *; each trainer's (v/ /*)
     *     counts, the test's legend, what each trainer was given, and what failed
     */
    public String textTable() {
        return table(true).plain() + significanceText(false) + givenLines("") + failureLines("FAILED: ");
    }

    /**
     * @return for a classification experiment, the per-class figures and confusion matrices in
     *     compact form ({@link ClassReport#text()}) after a blank line; empty otherwise
     */
    public String classesText() {
        return classes == null ? "" : "\n" + classes.text();
    }

    /**
     * The (v/ /*) counts and the legend, after a blank line and followed by one; empty when there is
     * no trainer besides the base.
     */
    private String significanceText(boolean markdown) {
        if (significance.compared().isEmpty()) {
            return "";
        }
        TextTable counts = countsTable();
        return "\n" + (markdown ? counts.markdown() : counts.plain()) + "\n"
                + String.join(markdown ? " " : "\n", legend(markdown)) + "\n\n";
    }

    /** One line per trainer that failed on some fold: which folds, over how many folds its means are, the first error. */
    private String failureLines(String bullet) {
        StringBuilder sb = new StringBuilder();
        for (Summary.Failure f : summary.failures()) {
            sb.append(bullet).append(f.describe()).append('\n');
        }
        return sb.toString();
    }

    /** One line per trainer saying which rows and how many threads it was given. */
    private String givenLines(String bullet) {
        StringBuilder sb = new StringBuilder();
        given.forEach((trainer, text) -> sb.append(bullet).append(trainer).append(": ").append(text).append('\n'));
        return sb.toString();
    }

    /**
     * @param splits the splits every trainer ran on
     * @param rows the number of rows in the source table
     * @throws IOException if a file cannot be written
     */
    public void write(List<Split> splits, int rows) throws IOException {
        AtomicFiles.write(folder.resolve("summary.md"), markdown(FoldNumbering.of(splits)));
        AtomicFiles.write(folder.resolve("summary.csv"), summaryCsv());
        AtomicFiles.write(folder.resolve("splits.csv"), splitsCsv(splits, rows));
        if (classes != null) {
            classes.write(folder);
        }
        try {
            AtomicFiles.write(folder.resolve("comparison.png"), ComparisonChart.png(summary, quality, heading, description));
        } catch (IOException | RuntimeException | Error e) {
            // A machine without fonts cannot draw text; the tables above still hold every number.
            LOG.log(Level.WARNING, "The comparison chart could not be drawn: " + e, e);
        }
    }

    /**
     * The comparison table. In plain text every cell ends in its significance mark or a space, so
     * that the numbers stay aligned as in Weka's output, and the best mean is marked with ^ (not
     * Weka's *, which means significantly worse); Markdown lists the best means below the table.
     */
    private TextTable table(boolean plain) {
        List<String> head = new ArrayList<>(List.of("trainer"));
        for (Metric m : summary.metrics()) {
            head.add(m.name());
        }
        TextTable t = new TextTable(head);
        for (String trainer : summary.trainers()) {
            List<String> row = new ArrayList<>(List.of(trainer));
            for (Metric m : summary.metrics()) {
                Summary.Stat s = summary.get(trainer, m);
                String cell = cell(s, m);
                String mark = significance.mark(trainer, m);
                if (plain) {
                    boolean best = quality.contains(m) && trainer.equals(summary.best(m));
                    row.add((best ? "^" : "") + cell + " " + (mark.isEmpty() ? " " : mark));
                } else {
                    row.add(mark.isEmpty() ? cell : cell + " " + mark);
                }
            }
            t.add(row);
        }
        return t;
    }

    /**
     * Weka's (v/ /*) line, one per trainer compared with the base: quality metrics and timings
     * counted apart, so that being faster is never read as being more accurate.
     */
    private TextTable countsTable() {
        List<Metric> qualityTested = summary.metrics().stream().filter(quality::contains).toList();
        List<Metric> others = summary.metrics().stream().filter(m -> !quality.contains(m)).toList();
        List<String> head = new ArrayList<>(List.of("(v/ /*) against " + significance.base().trainer()));
        if (!qualityTested.isEmpty()) {
            head.add("quality");
        }
        if (!others.isEmpty()) {
            head.add(qualityTested.isEmpty() ? "metrics" : "timings");
        }
        TextTable t = new TextTable(head);
        for (String trainer : significance.compared()) {
            List<String> row = new ArrayList<>(List.of(trainer));
            if (!qualityTested.isEmpty()) {
                row.add(significance.counts(trainer, qualityTested));
            }
            if (!others.isEmpty()) {
                row.add(significance.counts(trainer, others));
            }
            t.add(row);
        }
        return t;
    }

    /**
     * What the marks mean: the test, its level and correction, and the base.
     *
     * @param markdown whether to set the marks as code, for Markdown
     * @return the legend's sentences
     */
    private List<String> legend(boolean markdown) {
        String base = significance.base().trainer();
        String quote = markdown ? "`" : "";
        return List.of("Significance: each trainer against " + base + " (the base: " + significance.base().why()
                        + "), by the corrected resampled t-test (Nadeau and Bengio 2003, as Weka's Experimenter tests) on "
                        + "the folds both finished" + pairing() + ", two-sided at the " + plainNumber(significance.level())
                        + " level, n_test/n_train = " + String.format(Locale.ROOT, "%.3g", significance.testTrainRatio()) + ".",
                quote + "v" + quote + ": significantly better than " + base + ", " + quote + "*" + quote
                        + ": significantly worse (higher is better for accuracy, AUROC and R², lower for errors, log-loss "
                        + "and times), no mark: no significant difference, or no test where fewer than 2 folds pair up.",
                quote + "(v/ /*)" + quote + " counts wins, ties and losses.");
    }

    /** How folds pair up where the protocol repeats: the correction is then Nadeau and Bengio's for repeated k-fold. */
    private String pairing() {
        return numbering == null || !numbering.repeated() ? ""
                : ", paired by (repeat, fold) over all " + numbering.describe() + " (n counts every repetition's folds)";
    }

    private static String plainNumber(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * @return a table cell: mean ± s.e. for quality metrics, the mean alone to three digits for timings
     */
    static String cell(Summary.Stat s, Metric m) {
        return m == Metric.TRAIN_SECONDS || m == Metric.PREDICT_MS_PER_ROW ? timing(s) : s.format();
    }

    private static String timing(Summary.Stat s) {
        return s.n() == 0 ? "n/a" : String.format(Locale.ROOT, "%.3g", s.mean());
    }

    private String markdown(FoldNumbering folds) {
        boolean failed = !summary.failures().isEmpty();
        String significant = significanceText(true);
        return "# " + heading + "\n\n" + description + ".\n\n" + table(false).markdown()
                + (significant.isEmpty() ? "\n" : significant) + "What each trainer was given:\n\n" + givenLines("- ")
                + (failed ? "\nWhat failed (the failed folds are left out of the means):\n\n" + failureLines("- ") : "")
                + "\nMean ± standard error over " + folds.describe() + (failed ? ", fewer where a trainer failed" : "")
                + (folds.repeated() ? " (the repetitions reuse the same rows, so this standard error understates the "
                        + "uncertainty; the significance test's correction allows for it)" : "")
                + "; times are means per fold (training) and per test row "
                + "(prediction). Best mean per metric: " + bestList() + ".\n"
                + (startup.isEmpty() ? "" : "\n" + capitalised(startup) + ".\n")
                + (classes == null ? "" : "\n" + classes.markdown());
    }

    /** @return the line with its first letter a capital, as a sentence of {@code summary.md} */
    static String capitalised(String line) {
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    private String bestList() {
        List<String> parts = new ArrayList<>();
        for (Metric m : quality) {
            String best = summary.best(m);
            parts.add(m.name() + " " + (best == null ? "none" : best));
        }
        return String.join(", ", parts);
    }

    private String summaryCsv() {
        StringBuilder out = new StringBuilder(SummaryCsv.header(summary.metrics())).append('\n');
        for (String t : summary.trainers()) {
            out.append(SummaryCsv.row(summary, significance, t)).append('\n');
        }
        return out.toString();
    }

    private static String splitsCsv(List<Split> splits, int rows) {
        String[][] role = new String[rows][splits.size()];
        for (Split s : splits) {
            for (int r : s.train()) {
                role[r][s.index()] = "train";
            }
            for (int r : s.validation()) {
                role[r][s.index()] = "validation";
            }
            for (int r : s.test()) {
                role[r][s.index()] = "test";
            }
        }
        StringBuilder out = new StringBuilder("row");
        for (Split s : splits) {
            out.append(",split_").append(s.index());
        }
        out.append('\n');
        for (int r = 0; r < rows; r++) {
            out.append(r);
            for (int s = 0; s < splits.size(); s++) {
                out.append(',').append(role[r][s] == null ? "unused" : role[r][s]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Where a data set's own results go in an experiment with several data sets: a folder holding
     * everything a one-data-set run writes.
     *
     * @param dataset the data set's name
     * @return the folder, relative to the run's output folder
     */
    public static String datasetFolder(String dataset) {
        return safe(dataset);
    }

    /** @return the name with anything but letters, digits, '-', '_' and '.' replaced, for file names */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
