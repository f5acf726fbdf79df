package org.npt4j.experiments.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npt4j.experiments.score.Metric;

/**
 * The comparison of an experiment with several data sets, as Weka's Experimenter shows one: per
 * metric a table with a row per data set and a column per trainer, each cell that data set's mean ±
 * s.e. marked {@code v} or {@code *} by that data set's test against the base trainer, and a last
 * row counting each trainer's wins, ties and losses over the data sets, {@code (v/ /*)}. Written to
 * the run's folder as {@code summary.md}, {@code summary.csv} (a {@code dataset} column before the
 * one-data-set file's columns) and one chart per metric, {@code comparison-<metric>.png}; each data
 * set's own files are in its folder ({@link ResultFiles#datasetFolder}).
 */
public final class AcrossDatasets {

    private static final Logger LOG = Logger.getLogger(AcrossDatasets.class.getName());

    /**
     * One data set's results.
     *
     * @param name the data set's name, its row label and folder
     * @param description the data set in a few words (file, rows, features, response)
     * @param summary its comparison
     * @param significance its tests against the base trainer
     */
    public record DataSet(String name, String description, Summary summary, Significance significance) {}

    private final String heading;
    private final String description;
    private final List<DataSet> sets;
    private final List<String> trainers;
    private final List<Metric> metrics;
    private final List<Metric> quality;
    private final Map<String, String> given;
    private final String startup;

    /**
     * @param heading the experiment's title
     * @param description the protocol and the number of data sets, in one line
     * @param sets each data set's results, in display order; all over the same trainers and metrics
     * @param quality the quality metrics, whose best mean is marked and which are charted
     * @param given per trainer, which rows it was given
     * @throws IllegalArgumentException if there is no data set, or they differ in trainers, metrics or base
     */
    public AcrossDatasets(String heading, String description, List<DataSet> sets, List<Metric> quality, Map<String, String> given) {
        this(heading, description, sets, quality, given, "");
    }

    /**
     * @param heading the experiment's title
     * @param description the protocol and the number of data sets, in one line
     * @param sets each data set's results, in display order; all over the same trainers and metrics
     * @param quality the quality metrics, whose best mean is marked and which are charted
     * @param given per trainer, which rows it was given
     * @param startup the run's one-off engine start-up in a line, in no fold's training time; empty when nothing was started
     * @throws IllegalArgumentException if there is no data set, or they differ in trainers, metrics or base
     */
    public AcrossDatasets(String heading, String description, List<DataSet> sets, List<Metric> quality, Map<String, String> given,
            String startup) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("No data sets");
        }
        this.heading = heading;
        this.description = description;
        this.sets = List.copyOf(sets);
        this.trainers = sets.get(0).summary().trainers();
        this.metrics = sets.get(0).summary().metrics();
        for (DataSet d : sets) {
            if (!d.summary().trainers().equals(trainers) || !d.summary().metrics().equals(metrics)
                    || !d.significance().base().equals(sets.get(0).significance().base())) {
                throw new IllegalArgumentException(d.name() + "'s trainers, metrics or base differ from " + sets.get(0).name() + "'s");
            }
        }
        this.quality = List.copyOf(quality);
        this.given = new LinkedHashMap<>(given);
        this.startup = startup;
    }

    private String base() {
        return sets.get(0).significance().base().trainer();
    }

    /**
     * @param metric a metric
     * @param plain whether for plain text (every cell ends in its mark or a space, best mean marked ^) or Markdown
     * @return the data sets × trainers table of that metric, with the (v/ /*) row
     */
    private TextTable table(Metric metric, boolean plain) {
        List<String> head = new ArrayList<>(List.of(metric.name() + (metric.higherIsBetter() ? " ↑" : " ↓")));
        head.addAll(trainers);
        TextTable t = new TextTable(head);
        for (DataSet d : sets) {
            List<String> row = new ArrayList<>(List.of(d.name()));
            for (String trainer : trainers) {
                String cell = ResultFiles.cell(d.summary().get(trainer, metric), metric);
                String mark = d.significance().mark(trainer, metric);
                if (plain) {
                    boolean best = quality.contains(metric) && trainer.equals(d.summary().best(metric));
                    row.add((best ? "^" : "") + cell + " " + (mark.isEmpty() ? " " : mark));
                } else {
                    row.add(mark.isEmpty() ? cell : cell + " " + mark);
                }
            }
            t.add(row);
        }
        List<String> counts = new ArrayList<>(List.of("(v/ /*)"));
        for (String trainer : trainers) {
            counts.add(trainer.equals(base()) ? "base" : counts(trainer, metric) + (plain ? "  " : ""));
        }
        t.add(counts);
        return t;
    }

    /** @return the trainer's wins, ties and losses against the base on the metric, over the data sets */
    String counts(String trainer, Metric metric) {
        int wins = 0;
        int ties = 0;
        int losses = 0;
        for (DataSet d : sets) {
            switch (d.significance().get(trainer, metric).outcome()) {
                case WIN -> wins++;
                case TIE -> ties++;
                case LOSS -> losses++;
                default -> { }
            }
        }
        return "(" + wins + "/" + ties + "/" + losses + ")";
    }

    private List<String> legend(boolean markdown) {
        String q = markdown ? "`" : "";
        double level = sets.get(0).significance().level();
        return List.of("Each cell: mean ± standard error over that data set's folds (↑ higher is better, ↓ lower)"
                        + (markdown ? "" : "; ^ marks the data set's best mean") + ".",
                "Significance per data set: each trainer against " + base() + " (the base: " + sets.get(0).significance().base().why()
                        + ") by the corrected resampled t-test on that data set's folds, two-sided at the "
                        + BigDecimal.valueOf(level).stripTrailingZeros().toPlainString() + " level; " + q + "v" + q
                        + " significantly better than " + base() + ", " + q + "*" + q + " significantly worse, no mark: no "
                        + "significant difference or untested.",
                q + "(v/ /*)" + q + " counts each trainer's wins, ties and losses over the " + sets.size() + " data sets.");
    }

    /** @return every metric's table, the legend, what each trainer was given and what failed, as printed */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Metric m : metrics) {
            out.append(table(m, true).plain()).append('\n');
        }
        out.append(String.join("\n", legend(false))).append("\n\n");
        given.forEach((t, text) -> out.append(t).append(": ").append(text).append('\n'));
        for (DataSet d : sets) {
            for (Summary.Failure f : d.summary().failures()) {
                out.append("FAILED on ").append(d.name()).append(": ").append(f.describe()).append('\n');
            }
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# ").append(heading).append("\n\n").append(description).append(".\n\n");
        out.append("| data set | description | its results |\n|---|---|---|\n");
        for (DataSet d : sets) {
            String folder = ResultFiles.datasetFolder(d.name());
            out.append("| ").append(d.name()).append(" | ").append(d.description()).append(" | [").append(folder)
                    .append("/summary.md](").append(folder).append("/summary.md) |\n");
        }
        for (Metric m : metrics) {
            out.append("\n## ").append(m.name()).append("\n\n").append(table(m, false).markdown());
        }
        out.append('\n').append(String.join(" ", legend(true))).append("\n\nWhat each trainer was given:\n\n");
        given.forEach((t, text) -> out.append("- ").append(t).append(": ").append(text).append('\n'));
        if (!startup.isEmpty()) {
            out.append('\n').append(ResultFiles.capitalised(startup)).append(".\n");
        }
        boolean failed = false;
        for (DataSet d : sets) {
            for (Summary.Failure f : d.summary().failures()) {
                if (!failed) {
                    out.append("\nWhat failed (the failed folds are left out of the means):\n\n");
                    failed = true;
                }
                out.append("- ").append(d.name()).append(": ").append(f.describe()).append('\n');
            }
        }
        return out.toString();
    }

    String summaryCsv() {
        StringBuilder out = new StringBuilder("dataset,").append(SummaryCsv.header(metrics)).append('\n');
        for (DataSet d : sets) {
            for (String t : trainers) {
                out.append(Csv.field(d.name())).append(',').append(SummaryCsv.row(d.summary(), d.significance(), t)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * @param metric a metric
     * @return the chart's file name in the run's folder
     */
    public static String chartFile(Metric metric) {
        return "comparison-" + metric.key() + ".png";
    }

    /**
     * Writes {@code summary.md}, {@code summary.csv} and a chart per quality metric into the run's folder.
     *
     * @param folder the run's output folder
     * @throws IOException if a file cannot be written
     */
    public void write(Path folder) throws IOException {
        AtomicFiles.write(folder.resolve("summary.md"), markdown());
        AtomicFiles.write(folder.resolve("summary.csv"), summaryCsv());
        Map<String, Summary> summaries = new LinkedHashMap<>();
        sets.forEach(d -> summaries.put(d.name(), d.summary()));
        for (Metric m : quality) {
            try {
                AtomicFiles.write(folder.resolve(chartFile(m)), ComparisonChart.acrossDatasets(summaries, m, heading, description));
            } catch (IOException | RuntimeException | Error e) {
                // A machine without fonts cannot draw text; the tables hold every number.
                LOG.log(Level.WARNING, "The " + m.name() + " chart could not be drawn: " + e, e);
            }
        }
    }
}
