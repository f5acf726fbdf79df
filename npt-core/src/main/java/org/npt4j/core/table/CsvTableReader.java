package org.npt4j.core.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.npt4j.core.NptInputException;

/**
 * Reads a delimited text file into a {@link Table}. A column is numerical when every non-missing
 * cell parses as a number, unless it is named in {@link #categorical}; otherwise categorical.
 * Empty cells and the configured missing tokens ({@code ?} and {@code NA} by default) are missing.
 */
public final class CsvTableReader {

    private Pattern delimiter = Pattern.compile(",");
    private boolean header = true;
    private int skipLines = 0;
    private List<String> names = null;
    private final Set<String> categorical = new HashSet<>();
    private final Set<String> dropped = new HashSet<>();
    private final Set<String> missingTokens = new HashSet<>(Set.of("", "?", "NA", "nan", "NaN"));

    /** @return a reader for comma-separated files with a header line */
    public static CsvTableReader csv() {
        return new CsvTableReader();
    }

    /**
     * @param regex the field separator, as a regular expression ({@code "\\s+"} for whitespace)
     * @return this reader
     */
    public CsvTableReader delimiter(String regex) {
        this.delimiter = Pattern.compile(regex);
        return this;
    }

    /**
     * @param lines lines to skip before the header (or the data, without a header)
     * @return this reader
     */
    public CsvTableReader skipLines(int lines) {
        this.skipLines = lines;
        return this;
    }

    /**
     * Declares that the file has no header line and gives the column names.
     *
     * @param columnNames the names, one per field
     * @return this reader
     */
    public CsvTableReader noHeader(List<String> columnNames) {
        this.header = false;
        this.names = List.copyOf(columnNames);
        return this;
    }

    /**
     * @param columns columns to read as categorical even if their values look numeric
     * @return this reader
     */
    public CsvTableReader categorical(String... columns) {
        categorical.addAll(List.of(columns));
        return this;
    }

    /**
     * @param columns columns to leave out (identifiers, say)
     * @return this reader
     */
    public CsvTableReader drop(String... columns) {
        dropped.addAll(List.of(columns));
        return this;
    }

    /**
     * @param path the file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws NptInputException if a line has the wrong number of fields
     */
    public Table read(Path path) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> columnNames = names;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo <= skipLines || line.isBlank()) {
                    continue;
                }
                String[] fields = split(line);
                if (columnNames == null) {
                    columnNames = List.of(fields);
                    continue;
                }
                if (fields.length != columnNames.size()) {
                    throw new NptInputException(path + " line " + lineNo + ": " + fields.length
                            + " fields but " + columnNames.size() + " columns");
                }
                rows.add(fields);
            }
        }
        if (columnNames == null) {
            throw new NptInputException(path + " is empty");
        }
        for (String c : categorical) {
            if (!columnNames.contains(c)) {
                throw new NptInputException("Column '" + c + "' declared categorical is not in "
                        + path + "; its columns are " + columnNames);
            }
        }
        Table.Builder b = Table.builder();
        for (int j = 0; j < columnNames.size(); j++) {
            String name = columnNames.get(j);
            if (!dropped.contains(name)) {
                b.add(column(name, rows, j));
            }
        }
        return b.build();
    }

    private String[] split(String line) {
        String[] raw = delimiter.split(line.strip(), -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unquote(raw[i].strip());
        }
        return raw;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private Column column(String name, List<String[]> rows, int j) {
        int n = rows.size();
        if (!categorical.contains(name)) {
            double[] values = new double[n];
            boolean numeric = true;
            for (int i = 0; i < n && numeric; i++) {
                String cell = rows.get(i)[j];
                if (missingTokens.contains(cell)) {
                    values[i] = Double.NaN;
                } else {
                    try {
                        values[i] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        numeric = false;
                    }
                }
            }
            if (numeric) {
                return new NumericColumn(name, values);
            }
        }
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            String cell = rows.get(i)[j];
            labels[i] = missingTokens.contains(cell) ? null : cell;
        }
        return new CategoricalColumn(name, labels);
    }
}
