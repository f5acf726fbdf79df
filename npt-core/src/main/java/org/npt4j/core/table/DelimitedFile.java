package org.npt4j.core.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.npt4j.core.NptInputException;

/**
 * Splits a delimited UTF-8 text file into rows of fields, each with the line it starts on. It
 * knows nothing of headers or column types: {@link CsvTableReader} does that.
 *
 * <p>A one-character delimiter goes through Commons CSV, so fields may be quoted with {@code "}
 * and then hold the delimiter, line breaks and doubled quotes ({@code ""}). Blanks around a field
 * are dropped, blanks inside quotes kept. Runs of whitespace ({@code \s+}) are split line by line
 * instead, because Commons CSV takes a fixed delimiter, not a run: there a field cannot hold a
 * blank, and quotes around a field are simply removed.
 *
 * <p>Either way a byte-order mark at the start is ignored, lines may end in CRLF, and blank lines
 * are skipped. In the quoted form a line holding only {@code ""} counts as blank too, since
 * Commons CSV reports it exactly as a blank line.
 */
final class DelimitedFile {

    /** A row of fields and the 1-based line of the file where it starts. */
    record Row(long line, String[] fields) {}

    private static final String WHITESPACE = "\\s+";
    private static final Pattern BLANKS = Pattern.compile(WHITESPACE);
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    /** Null for runs of whitespace. */
    private final CSVFormat format;

    private DelimitedFile(CSVFormat format) {
        this.format = format;
    }

    /**
     * @param delimiter {@code \s+}, one character (standing for itself even where it is special
     *     in a regular expression), or a backslash and one character: {@code \t} for a tab,
     *     {@code \|}, {@code \;} and so on for the character
     * @return a splitter for that delimiter
     * @throws IllegalArgumentException for any other delimiter, naming it
     */
    static DelimitedFile splitOn(String delimiter) {
        if (delimiter.equals(WHITESPACE)) {
            return new DelimitedFile(null);
        }
        char c = singleCharacter(delimiter);
        try {
            // Empty lines come through as one empty field and are dropped in parse(): were the
            // parser to skip them itself, it would do so after the line count that gives a
            // record its line has been read, and the record would be placed on the empty line.
            return new DelimitedFile(CSVFormat.DEFAULT.builder().setDelimiter(c).setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true).get());
        } catch (IllegalArgumentException e) { // a quote or a line break as delimiter
            throw unsupported(delimiter, e.getMessage());
        }
    }

    private static char singleCharacter(String delimiter) {
        if (delimiter.length() == 1) {
            return delimiter.charAt(0);
        }
        if (delimiter.length() == 2 && delimiter.charAt(0) == '\\') {
            char escaped = delimiter.charAt(1);
            if (escaped == 't') {
                return '\t';
            }
            if (!Character.isLetterOrDigit(escaped)) {
                return escaped;
            }
        }
        throw unsupported(delimiter, "give one character, or \\s+ for runs of whitespace");
    }

    private static IllegalArgumentException unsupported(String delimiter, String why) {
        return new IllegalArgumentException("Unsupported CSV delimiter '" + delimiter + "': " + why);
    }

    /**
     * @param path the file
     * @param skipLines lines to pass over unread at the start of the file
     * @return the rows after them, blank lines left out
     * @throws IOException if the file cannot be read
     * @throws NptInputException if a quoted field is not closed, or text follows its closing quote
     */
    List<Row> read(Path path, int skipLines) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != BYTE_ORDER_MARK) {
                in.reset();
            }
            // Skipped lines are read as plain lines: they are whatever precedes the table, and a
            // stray quote there must not swallow the data.
            int skipped = 0;
            while (skipped < skipLines && in.readLine() != null) {
                skipped++;
            }
            return format == null ? splitOnBlanks(in, skipped) : parse(path, in, skipped);
        }
    }

    private static List<Row> splitOnBlanks(BufferedReader in, long skipped) throws IOException {
        List<Row> rows = new ArrayList<>();
        long line = skipped;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            line++;
            String stripped = text.strip();
            if (!stripped.isEmpty()) {
                String[] fields = BLANKS.split(stripped);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unquote(fields[i]);
                }
                rows.add(new Row(line, fields));
            }
        }
        return rows;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private List<Row> parse(Path path, BufferedReader in, long skipped) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // Read before hasNext(), which parses the next record: the lines consumed so far
                // put the record's first line here, even when a quoted field spans several.
                long line = skipped + parser.getCurrentLineNumber() + 1;
                String[] fields;
                try {
                    if (!records.hasNext()) {
                        return rows;
                    }
                    fields = records.next().values();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CSVException) {
                        throw malformed(path, line, e.getCause());
                    }
                    throw e.getCause();
                }
                if (fields.length > 1 || !fields[0].isEmpty()) {
                    rows.add(new Row(line, fields));
                }
            }
        }
    }

    private static NptInputException malformed(Path path, long line, Throwable cause) {
        NptInputException e = new NptInputException(path + " line " + line + ": a quoted field in the row starting"
                + " on this line is not closed, or text follows its closing quote");
        e.initCause(cause);
        return e;
    }
}
