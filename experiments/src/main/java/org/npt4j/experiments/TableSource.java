package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.NptInputException;
import org.npt4j.core.table.ArffTableReader;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.CsvTableReader;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.experiments.score.Task;

/**
 * The data an experiment runs on: a CSV or ARFF file, its response column and which columns are
 * categorical. The file is read when the configuration is loaded, so a missing file or a response
 * that is not a column fails at once, with the field and the value named.
 *
 * <p>The task follows the response: a categorical response (or one listed in {@link #categorical})
 * is classification, a numerical one regression. Relative paths are read from the working
 * directory; the shipped configs expect the project root.
 */
public final class TableSource implements Configurable {

    /** How to read {@link #file}. */
    public enum Format {
        /** ARFF when the file name ends in {@code .arff}, else CSV. */
        AUTO,
        /** Delimited text. */
        CSV,
        /** Weka's attribute-relation file format. */
        ARFF
    }

    @Config(mandatory = true, description = "The data file, CSV or ARFF; relative paths start at the working directory.")
    private Path file;

    @Config(description = "AUTO (by file extension), CSV or ARFF.")
    private Format format = Format.AUTO;

    @Config(mandatory = true, description = "The column to predict.")
    private String response;

    @Config(description = "Columns to read as categorical even where their values are numbers; in ARFF files "
            + "nominal attributes are categorical anyway. Categorical columns reach NPT as categorical columns and "
            + "the other trainers as one-hot features column@value.")
    private List<String> categorical = new ArrayList<>();

    @Config(description = "Columns to leave out, such as identifiers.")
    private List<String> drop = new ArrayList<>();

    @Config(description = "Column names for a CSV file without a header line; empty when the first line is the header.")
    private List<String> columnNames = new ArrayList<>();

    @Config(description = "CSV field separator: one character (\\t for a tab), or \\s+ for runs of whitespace.")
    private String delimiter = ",";

    @Config(description = "CSV lines to skip before the header (or the data).")
    private int skipLines = 0;

    private Table table;
    private String sha256;

    /** For OLCUT. */
    private TableSource() {}

    /**
     * @param file the data file
     * @param response the column to predict
     * @param categorical columns to read as categorical
     */
    public TableSource(Path file, String response, List<String> categorical) {
        this.file = file;
        this.response = response;
        this.categorical = new ArrayList<>(categorical);
        postConfig();
    }

    @Override
    public void postConfig() {
        if (!Files.isRegularFile(file)) {
            throw new PropertyException("", "file", "Data file " + file.toAbsolutePath().normalize()
                    + " does not exist (relative paths start at the working directory, " + Path.of("").toAbsolutePath() + ")");
        }
        if (skipLines < 0) {
            throw new PropertyException("", "skipLines", "must be 0 or more, found " + skipLines);
        }
        try {
            table = read();
            sha256 = ProvenanceUtil.hashResource(ProvenanceUtil.HashType.SHA256, file);
        } catch (IOException e) {
            throw new PropertyException(e, "", "file", "Cannot read " + file + ": " + e.getMessage());
        } catch (NptInputException e) {
            throw new PropertyException(e, "", "file", "Cannot read " + file + ": " + e.getMessage());
        }
        if (!table.hasColumn(response)) {
            throw new PropertyException("", "response", "Response column '" + response + "' is not in " + file
                    + "; its columns are " + table.columnNames());
        }
        Column target = table.column(response);
        for (int i = 0; i < table.rowCount(); i++) {
            if (target.isMissing(i)) {
                throw new PropertyException("", "response", "Row " + (i + 1) + " of " + file
                        + " has no value in response column '" + response + "'");
            }
        }
        if (table.columnCount() < 2) {
            throw new PropertyException("", "file", file + " has no column besides the response '" + response + "'");
        }
    }

    private Table read() throws IOException {
        Format effective = format == Format.AUTO
                ? (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arff") ? Format.ARFF : Format.CSV)
                : format;
        if (effective == Format.ARFF) {
            Table t = ArffTableReader.arff().drop(drop.toArray(String[]::new)).read(file);
            return asCategorical(t, categorical);
        }
        CsvTableReader reader = CsvTableReader.csv().delimiter(delimiter).skipLines(skipLines)
                .categorical(categorical.toArray(String[]::new)).drop(drop.toArray(String[]::new));
        if (!columnNames.isEmpty()) {
            reader.noHeader(columnNames);
        }
        return reader.read(file);
    }

    /** ARFF types its own columns; a numeric attribute listed as categorical is re-typed here. */
    private static Table asCategorical(Table t, List<String> names) {
        Table.Builder b = Table.builder();
        for (String n : names) {
            t.indexOf(n);
        }
        for (Column c : t.columns()) {
            if (names.contains(c.name()) && c instanceof NumericColumn) {
                String[] values = new String[c.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = c.isMissing(i) ? null : categoryName(((NumericColumn) c).get(i));
                }
                b.add(new CategoricalColumn(c.name(), values));
            } else {
                b.add(c);
            }
        }
        return b.build();
    }

    /** Whole numbers are named without a fraction, so class 1 reads "1" and not "1.0". */
    private static String categoryName(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return the whole table, response included */
    public Table table() {
        return table;
    }

    /** @return the response column's name */
    public String response() {
        return response;
    }

    /** @return classification for a categorical response, regression for a numerical one */
    public Task task() {
        return table.column(response) instanceof CategoricalColumn ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /**
     * @return a classification response's classes in the label domain's order (sorted, as Tribuo's
     *     label domain is), the order of every per-class table; empty for regression
     */
    public List<String> classes() {
        if (!(table.column(response) instanceof CategoricalColumn labels)) {
            return List.of();
        }
        return List.copyOf(labels.categoriesIn(java.util.stream.IntStream.range(0, table.rowCount()).toArray()));
    }

    /** @return the file, as configured */
    public Path file() {
        return file;
    }

    /** @return the SHA-256 of the file's bytes, recorded with every fold's provenance */
    public String sha256() {
        return sha256;
    }

    /** @return the categorical feature columns, response excluded */
    public List<String> categoricalFeatures() {
        List<String> out = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c instanceof CategoricalColumn && !c.name().equals(response)) {
                out.add(c.name());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return file.getFileName() + " (" + table.rowCount() + " rows, " + (table.columnCount() - 1) + " features, response "
                + response + ")";
    }
}
