package org.npt4j.experiments.report;

import java.io.IOException;
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
 * {@code summary.csv} (mean ± s.e. per trainer), {@code splits.csv} (each row's role in each split)
 * and {@code comparison.png}; the runner writes each fold's {@code provenance/}, {@code predictions/}
 * and line of {@code folds.csv} ({@link FoldLog}) as it goes. Every table says which rows and how
 * many threads each trainer was given, and which trainers failed on which folds. Each file is
 * written whole or not at all.
 */
public final class ResultFiles {

    private static final Logger LOG = Logger.getLogger(ResultFiles.class.getName());

    private final Path folder;
    private final String heading;
    private final String description;
    private final Summary summary;
    private final List<Metric> quality;
    private final Map<String, String> given;

    /**
     * @param folder the run's output folder
     * @param heading the experiment's title, the first line of {@code summary.md} and the chart
     * @param description the dataset and protocol in one line, under the heading
     * @param summary the comparison
     * @param quality the quality metrics among the summary's, whose best mean is marked and which are charted
     * @param given per trainer, in a few words, which rows and how many threads it was given (printed under the tables)
     */
    public ResultFiles(Path folder, String heading, String description, Summary summary, List<Metric> quality,
            Map<String, String> given) {
        this.folder = folder;
        this.heading = heading;
        this.description = description;
        this.summary = summary;
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
     *     with *, what each trainer was given, and what failed
     */
    public String textTable() {
        return table(true).plain() + givenLines("") + failureLines("FAILED: ");
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
        AtomicFiles.write(folder.resolve("summary.md"), markdown(splits.size()));
        AtomicFiles.write(folder.resolve("summary.csv"), summaryCsv());
        AtomicFiles.write(folder.resolve("splits.csv"), splitsCsv(splits, rows));
        try {
            AtomicFiles.write(folder.resolve("comparison.png"), ComparisonChart.png(summary, quality, heading, description));
        } catch (IOException | RuntimeException | Error e) {
            // A machine without fonts cannot draw text; the tables above still hold every number.
            LOG.log(Level.WARNING, "The comparison chart could not be drawn: " + e, e);
        }
    }

    private TextTable table(boolean markBest) {
        List<String> head = new ArrayList<>(List.of("trainer"));
        for (Metric m : summary.metrics()) {
            head.add(m.name());
        }
        TextTable t = new TextTable(head);
        for (String trainer : summary.trainers()) {
            List<String> row = new ArrayList<>(List.of(trainer));
            for (Metric m : summary.metrics()) {
                Summary.Stat s = summary.get(trainer, m);
                String cell = m == Metric.TRAIN_SECONDS || m == Metric.PREDICT_MS_PER_ROW ? timing(s) : s.format();
                boolean best = markBest && quality.contains(m) && trainer.equals(summary.best(m));
                row.add(best ? "*" + cell : cell);
            }
            t.add(row);
        }
        return t;
    }

    private static String timing(Summary.Stat s) {
        return s.n() == 0 ? "n/a" : String.format(Locale.ROOT, "%.3g", s.mean());
    }

    private String markdown(int folds) {
        boolean failed = !summary.failures().isEmpty();
        return "# " + heading + "\n\n" + description + ".\n\n" + table(false).markdown()
                + "\nWhat each trainer was given:\n\n" + givenLines("- ")
                + (failed ? "\nWhat failed (the failed folds are left out of the means):\n\n" + failureLines("- ") : "")
                + "\nMean ± standard error over " + folds + " folds" + (failed ? ", fewer where a trainer failed" : "")
                + "; times are means per fold (training) and per test row "
                + "(prediction). Best mean per metric: " + bestList() + ".\n";
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
        StringBuilder out = new StringBuilder("trainer");
        for (Metric m : summary.metrics()) {
            out.append(',').append(m.key()).append("_mean,").append(m.key()).append("_se");
        }
        out.append(",folds\n");
        for (String t : summary.trainers()) {
            out.append(Csv.field(t));
            int n = 0;
            for (Metric m : summary.metrics()) {
                Summary.Stat s = summary.get(t, m);
                out.append(',').append(number(s.mean())).append(',').append(number(s.standardError()));
                n = Math.max(n, s.n());
            }
            out.append(',').append(n).append('\n');
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

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** @return the name with anything but letters, digits, '-', '_' and '.' replaced, for file names */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
