package org.npt4j.core.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.npt4j.core.NptInputException;

/**
 * Reads a delimited UTF-8 text file into a {@link Table}. A column is numerical when every
 * non-missing cell parses as a number, unless it is named in {@link #categorical}; otherwise
 * categorical. Empty cells, quoted empty strings ({@code ""}) and the missing tokens {@code ?},
 * {@code NA}, {@code nan} and {@code NaN} are missing.
 *
 * <p>Fields follow CSV quoting (RFC 4180): a field in double quotes may hold the delimiter, line
 * breaks and doubled quotes ({@code ""} for one {@code "}); this holds for header names too. Blanks
 * around a field are dropped. A byte-order mark at the start of the file is ignored, lines may end
 * in CRLF, and blank lines are skipped. Whitespace-separated files ({@link #delimiter}
 * {@code "\\s+"}) are the exception: see there.
 */
public final class CsvTableReader {

    private DelimitedFile file = DelimitedFile.splitOn(",");
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
     * Sets the field separator, a comma by default. It is written as a regular expression would
     * match it, but only two kinds are taken: one character ({@code ";"}, {@code "\t"} or
     * {@code "\\t"} for a tab, {@code "|"} or {@code "\\|"}; a lone character stands for itself
     * even where it is special in a regular expression), and {@code "\\s+"}, runs of whitespace,
     * as in files aligned in columns. With {@code "\\s+"} leading and trailing blanks on a line
     * are ignored and each line is one row; a field cannot hold a blank or a line break, and double
     * quotes around a field are simply removed.
     *
     * @param regex the field separator
     * @return this reader
     * @throws IllegalArgumentException for any other separator, such as {@code ", *"} or
     *     {@code "\\d"}, or a double quote or line break
     */
    public CsvTableReader delimiter(String regex) {
        this.file = DelimitedFile.splitOn(regex);
        return this;
    }

    /**
     * @param lines lines to skip before the header (or the data, without a header); they are
     *     passed over unparsed, quotes and all
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
     * @throws NptInputException if a row has more or fewer fields than there are columns, or a
     *     quoted field is not closed; the message names the file and the line the row starts on
     */
    public Table read(Path path) throws IOException {
        List<DelimitedFile.Row> rows = file.read(path, skipLines);
        List<String> columnNames = names;
        if (columnNames == null) {
            if (rows.isEmpty()) {
                throw new NptInputException(path + " is empty");
            }
            columnNames = List.of(rows.get(0).fields());
            rows = rows.subList(1, rows.size());
        }
        for (DelimitedFile.Row row : rows) {
            if (row.fields().length != columnNames.size()) {
                throw new NptInputException(path + " line " + row.line() + ": " + row.fields().length
                        + " fields but " + columnNames.size() + " columns");
            }
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

    private Column column(String name, List<DelimitedFile.Row> rows, int j) {
        int n = rows.size();
        if (!categorical.contains(name)) {
            double[] values = new double[n];
            boolean numeric = true;
            for (int i = 0; i < n && numeric; i++) {
                String cell = rows.get(i).fields()[j];
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
            String cell = rows.get(i).fields()[j];
            labels[i] = missingTokens.contains(cell) ? null : cell;
        }
        return new CategoricalColumn(name, labels);
    }
}
