package org.npt4j.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.diagnostics.ContextDependenceResult;
import org.npt4j.core.diagnostics.CorruptionEffect;

/**
 * The files of the dependence diagnostic ({@code org.npt4j.experiments.DependenceDiagnostic}), each
 * written atomically: {@value #SUMMARY} (one line per corruption), {@value #ROWS} (one line per
 * query row), {@value #CHART} (the mean change per corruption) and {@value #TEXT} (what the command
 * prints).
 */
public final class DependenceFiles {

    /** One line per corruption: mean change, labels flipped, clean and corrupted metric. */
    public static final String SUMMARY = "dependence-summary.csv";
    /** One line per query row: its change under each corruption. */
    public static final String ROWS = "dependence-rows.csv";
    /** A bar chart of the mean change per corruption. */
    public static final String CHART = "dependence.png";
    /** The printed table and the run's description. */
    public static final String TEXT = "dependence.txt";

    private final ContextDependenceResult result;
    private final int[] queryRows;
    private final String description;

    /**
     * @param result the diagnostic's result
     * @param queryRows each query row's index in the data file's table (0-based), in query order
     * @param description a few lines saying what was run: data, split, settings
     */
    public DependenceFiles(ContextDependenceResult result, int[] queryRows, String description) {
        if (queryRows.length != result.queryRows()) {
            throw new IllegalArgumentException(queryRows.length + " row indices for " + result.queryRows() + " query rows");
        }
        this.result = result;
        this.queryRows = queryRows.clone();
        this.description = description;
    }

    /** @return the table of mean changes and metrics, plain text, clean predictions first */
    public String table() {
        List<String> header = new ArrayList<>(List.of("context", "mean change (" + unit() + ")"));
        if (result.categorical()) {
            header.add("labels flipped");
        }
        header.add(result.metricName());
        TextTable table = new TextTable(header);
        table.add(row("clean", "0", "0.0%", result.cleanMetric()));
        for (CorruptionEffect e : result.effects()) {
            table.add(row(e.corruption().label() + (e.drawnWithReplacement() ? " *" : ""), number(e.meanChange()),
                    percent(e.flipFraction()), e.corruptedMetric()));
        }
        return table.plain();
    }

    /** @return the table with its notes: what the changes measure and any caveat */
    public String text() {
        StringBuilder out = new StringBuilder(table());
        out.append(result.categorical()
                ? "change: total-variation distance between clean and corrupted class probabilities, mean over "
                : "change: |corrupted - clean| prediction in the target's standard deviations, mean over ")
                .append(result.queryRows()).append(" query rows; ").append(result.contextRows()).append(" context rows\n");
        if (result.effects().stream().anyMatch(CorruptionEffect::drawnWithReplacement)) {
            out.append("* the pool has fewer rows than the context: its rows were drawn with replacement\n");
        }
        if (!result.contextLabelsVisible()) {
            out.append("context labels are hidden at prediction (targetMaskProbability 1): randomising them cannot change anything\n");
        }
        return out.toString();
    }

    private List<String> row(String name, String change, String flips, double metric) {
        List<String> cells = new ArrayList<>(List.of(name, change));
        if (result.categorical()) {
            cells.add(flips);
        }
        cells.add(number(metric));
        return cells;
    }

    /**
     * Writes the four files into the folder, creating it if needed.
     *
     * @param folder the output folder
     * @param title the chart's title (the data set)
     * @throws IOException if a file cannot be written
     */
    public void write(Path folder, String title) throws IOException {
        AtomicFiles.write(folder.resolve(SUMMARY), summaryCsv());
        AtomicFiles.write(folder.resolve(ROWS), rowsCsv());
        AtomicFiles.write(folder.resolve(CHART), DependenceChart.png(result, title));
        AtomicFiles.write(folder.resolve(TEXT), description + "\n\n" + text());
    }

    /** @return one line per corruption, after a clean line */
    String summaryCsv() {
        StringBuilder out = new StringBuilder("corruption,target,change_unit,mean_change,labels_flipped,metric,value,"
                + "context_rows,query_rows,context_labels_visible,drawn_with_replacement\n");
        out.append(summaryLine("clean", 0, result.categorical() ? 0 : Double.NaN, result.cleanMetric(), false));
        for (CorruptionEffect e : result.effects()) {
            out.append(summaryLine(e.corruption().name(), e.meanChange(), e.flipFraction(), e.corruptedMetric(),
                    e.drawnWithReplacement()));
        }
        return out.toString();
    }

    private String summaryLine(String corruption, double change, double flips, double metric, boolean withReplacement) {
        return String.join(",", corruption, Csv.field(result.target()), Csv.field(unit()), csvNumber(change), csvNumber(flips),
                result.metricName(), csvNumber(metric), Integer.toString(result.contextRows()),
                Integer.toString(result.queryRows()), Boolean.toString(result.contextLabelsVisible()),
                Boolean.toString(withReplacement)) + "\n";
    }

    /** @return per query row its data row and, per corruption, its change (and for a class target whether its label flipped) */
    String rowsCsv() {
        StringBuilder out = new StringBuilder("row");
        for (CorruptionEffect e : result.effects()) {
            String name = e.corruption().name().toLowerCase(Locale.ROOT);
            out.append(',').append(name).append("_change");
            if (result.categorical()) {
                out.append(',').append(name).append("_flipped");
            }
        }
        out.append('\n');
        List<double[]> changes = result.effects().stream().map(CorruptionEffect::rowChanges).toList();
        List<boolean[]> flips = result.effects().stream().map(CorruptionEffect::labelFlips).toList();
        for (int i = 0; i < queryRows.length; i++) {
            out.append(queryRows[i]);
            for (int k = 0; k < changes.size(); k++) {
                out.append(',').append(csvNumber(changes.get(k)[i]));
                if (result.categorical()) {
                    out.append(',').append(flips.get(k)[i]);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String unit() {
        return result.categorical() ? "total-variation distance" : "target SDs";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** Full precision for files that are read back; empty for a value that does not apply. */
    private static String csvNumber(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
