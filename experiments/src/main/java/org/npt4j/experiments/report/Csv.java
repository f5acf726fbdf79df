package org.npt4j.experiments.report;

import java.util.ArrayList;
import java.util.List;

/** The CSV the result files are written in (RFC 4180 quoting), and reading one line of it back. */
final class Csv {

    private Csv() {}

    /** @return the text as one CSV field, quoted where it must be */
    static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * @param line one line of a CSV file written with {@link #field}, fields free of line breaks
     * @return its fields, unquoted
     * @throws IllegalArgumentException if a quoted field is not closed
     */
    static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unclosed quote in CSV line: " + line);
        }
        fields.add(field.toString());
        return fields;
    }
}
