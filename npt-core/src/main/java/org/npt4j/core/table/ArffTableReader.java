package org.npt4j.core.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.npt4j.core.NptInputException;

/**
 * Reads a Weka ARFF file into a {@link Table}. Numeric, real and integer attributes become
 * {@link NumericColumn}s and nominal attributes {@link CategoricalColumn}s, in declaration order; an
 * unquoted {@code ?} is missing. String, date and relational attributes, sparse rows and instance
 * weights are refused rather than approximated, so that a table never silently differs from what
 * Weka would read. Keywords are case-insensitive; names and values may be quoted with {@code '} or
 * {@code "}.
 */
public final class ArffTableReader {

    // Stricter than Double.parseDouble, which would also take "NaN", "Infinity", "0x1p3" and "1d".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WEIGHT = Pattern.compile("[,\\s]\\{[^{}]*\\}$");

    private final Set<String> dropped = new LinkedHashSet<>();

    /** @return a reader for ARFF files */
    public static ArffTableReader arff() {
        return new ArffTableReader();
    }

    /**
     * @param columns attributes to leave out (identifiers, say); each must be declared in the file
     * @return this reader
     */
    public ArffTableReader drop(String... columns) {
        dropped.addAll(List.of(columns));
        return this;
    }

    /**
     * @param path the file
     * @return the table, one column per attribute that is not dropped
     * @throws IOException if the file cannot be read
     * @throws NptInputException if the file is not dense ARFF with only numeric and nominal
     *     attributes, a value does not fit its attribute, or a dropped column is not an attribute
     */
    public Table read(Path path) throws IOException {
        List<Attribute> attributes = new ArrayList<>();
        List<Row> rows = null; // stays null until @data, which is how header and data lines are told apart
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("%")) {
                    continue;
                }
                if (rows != null) {
                    rows.add(row(s, lineNo, attributes, path));
                } else if (keyword(s, "@relation")) {
                    continue; // the relation name is not part of the table
                } else if (keyword(s, "@attribute")) {
                    Attribute a = attribute(s.substring("@attribute".length()).strip(), lineNo, path);
                    for (Attribute earlier : attributes) {
                        if (earlier.name().equals(a.name())) {
                            throw new NptInputException("ARFF attribute '" + a.name() + "' at line " + lineNo
                                    + " is already declared at line " + earlier.line() + " of " + path);
                        }
                    }
                    attributes.add(a);
                } else if (keyword(s, "@data")) {
                    checkDropped(attributes, path);
                    rows = new ArrayList<>();
                } else {
                    throw new NptInputException(path + " line " + lineNo
                            + ": expected @relation, @attribute or @data, found '" + s + "'");
                }
            }
        }
        if (rows == null) {
            throw new NptInputException(path + " has no @data section");
        }
        Table.Builder b = Table.builder();
        for (int j = 0; j < attributes.size(); j++) {
            Attribute a = attributes.get(j);
            if (dropped.contains(a.name())) {
                continue;
            }
            if (a.labels() == null) {
                double[] values = new double[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.get(i).numbers()[j];
                }
                b.numeric(a.name(), values);
            } else {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.get(i).labels()[j];
                }
                b.categorical(a.name(), values);
            }
        }
        return b.build();
    }

    private static boolean keyword(String s, String keyword) {
        int n = keyword.length();
        return s.regionMatches(true, 0, keyword, 0, n) && (s.length() == n || Character.isWhitespace(s.charAt(n)));
    }

    private void checkDropped(List<Attribute> attributes, Path path) {
        if (attributes.isEmpty()) {
            throw new NptInputException(path + " declares no attributes before @data");
        }
        Set<String> names = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        for (Attribute a : attributes) {
            names.add(a.name());
            ordered.add(a.name());
        }
        for (String d : dropped) {
            if (!names.contains(d)) {
                throw new NptInputException("Column '" + d + "' to drop is not an attribute of " + path
                        + "; its attributes are " + ordered);
            }
        }
    }

    private static Attribute attribute(String spec, int lineNo, Path path) {
        String name;
        String type;
        if (spec.startsWith("'") || spec.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            int end = readQuoted(spec, 0, b, lineNo, path);
            name = b.toString();
            type = spec.substring(end).strip();
        } else {
            int end = 0;
            // Weka accepts a nominal list written straight after the name, as in "class{a,b}".
            while (end < spec.length() && !Character.isWhitespace(spec.charAt(end)) && spec.charAt(end) != '{') {
                end++;
            }
            name = spec.substring(0, end);
            type = spec.substring(end).strip();
        }
        if (name.isEmpty() || type.isEmpty()) {
            throw new NptInputException(path + " line " + lineNo + ": @attribute needs a name and a type");
        }
        if (type.startsWith("{")) {
            String inner = type.endsWith("}") ? type.substring(1, type.length() - 1) : null;
            if (inner == null || inner.isBlank()) {
                throw new NptInputException("ARFF attribute '" + name + "' at line " + lineNo
                        + " has a nominal type without a closed, non-empty {value, ...} list in " + path);
            }
            Set<String> labels = new LinkedHashSet<>();
            for (Field f : fields(inner, lineNo, path)) {
                labels.add(f.text());
            }
            return new Attribute(name, lineNo, labels);
        }
        String kind = type.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "numeric", "real", "integer" -> new Attribute(name, lineNo, null);
            case "string", "date", "relational" -> throw new NptInputException("ARFF attribute '" + name
                    + "' at line " + lineNo + " has type " + kind + ", which npt4j cannot read; convert it to"
                    + " nominal or numeric (Weka's StringToNominal filter, say) or remove it from " + path);
            default -> throw new NptInputException("ARFF attribute '" + name + "' at line " + lineNo
                    + " has unknown type '" + type + "' in " + path);
        };
    }

    private Row row(String s, int lineNo, List<Attribute> attributes, Path path) {
        if (s.startsWith("{")) {
            throw new NptInputException(path + " line " + lineNo + " is a sparse row ({index value, ...}),"
                    + " which npt4j cannot read; save the data in dense form (Weka's SparseToNonSparse filter)");
        }
        if (WEIGHT.matcher(s).find()) {
            throw new NptInputException(path + " line " + lineNo + " ends with an instance weight {w},"
                    + " which npt4j does not support; remove the weights from the file");
        }
        List<Field> fields = fields(s, lineNo, path);
        if (fields.size() != attributes.size()) {
            throw new NptInputException(path + " line " + lineNo + ": found " + fields.size()
                    + " values but expected " + attributes.size() + ", one per attribute");
        }
        double[] numbers = new double[fields.size()];
        String[] labels = new String[fields.size()];
        for (int j = 0; j < fields.size(); j++) {
            Attribute a = attributes.get(j);
            if (dropped.contains(a.name())) {
                continue;
            }
            Field f = fields.get(j);
            // A quoted '?' is the literal label "?", as in Weka.
            boolean missing = !f.quoted() && f.text().equals("?");
            if (a.labels() == null) {
                numbers[j] = missing ? Double.NaN : number(f.text(), a, lineNo, path);
            } else if (missing || a.labels().contains(f.text())) {
                labels[j] = missing ? null : f.text();
            } else {
                throw new NptInputException(path + " line " + lineNo + ": value '" + f.text()
                        + "' of nominal attribute '" + a.name() + "' is not one of its declared values " + a.labels());
            }
        }
        return new Row(numbers, labels);
    }

    private static double number(String text, Attribute a, int lineNo, Path path) {
        double v = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(v)) {
            throw new NptInputException(path + " line " + lineNo + ": value '" + text
                    + "' of numeric attribute '" + a.name() + "' is not a finite number");
        }
        return v;
    }

    private static List<Field> fields(String s, int lineNo, Path path) {
        List<Field> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                StringBuilder b = new StringBuilder();
                i = readQuoted(s, i, b, lineNo, path);
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) != ',') {
                    throw new NptInputException(path + " line " + lineNo + ": unexpected text after quoted value '"
                            + b + "': " + s.substring(i));
                }
                out.add(new Field(b.toString(), true));
            } else {
                int comma = s.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                out.add(new Field(s.substring(i, end).strip(), false));
                i = end;
            }
            if (i >= n) {
                return out;
            }
            i++;
        }
    }

    /** Appends the unescaped text of the quoted string opening at {@code open}; returns the index after it. */
    private static int readQuoted(String s, int open, StringBuilder into, int lineNo, Path path) {
        char quote = s.charAt(open);
        int i = open + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                // Weka escapes quotes, backslashes and control characters this way when it writes ARFF.
                char e = s.charAt(i++);
                c = switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                };
            }
            into.append(c);
        }
        if (i >= s.length()) {
            throw new NptInputException(path + " line " + lineNo + ": quote " + quote + " is never closed");
        }
        return i + 1;
    }

    /** A declared attribute; {@code labels} holds the nominal values, or is null for a numeric one. */
    private record Attribute(String name, int line, Set<String> labels) {}

    /** One value of a line; quoting matters because a quoted {@code ?} is not missing. */
    private record Field(String text, boolean quoted) {}

    /** One data line, indexed by attribute; only the array matching each attribute's kind is filled. */
    private record Row(double[] numbers, String[] labels) {}
}
