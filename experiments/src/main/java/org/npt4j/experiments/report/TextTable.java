package org.npt4j.experiments.report;

import java.util.ArrayList;
import java.util.List;

/** Renders rows of cells as an aligned plain-text table or a Markdown table. */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException(row.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(row));
    }

    String plain() {
        int[] width = new int[header.size()];
        for (List<String> r : all()) {
            for (int j = 0; j < r.size(); j++) {
                width[j] = Math.max(width[j], r.get(j).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        for (int j = 0; j < width.length; j++) {
            out.append(j == 0 ? "" : "  ").append("-".repeat(width[j]));
        }
        out.append('\n');
        for (List<String> r : rows) {
            line(out, r, width);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            // Names left-aligned, numbers right-aligned, as in any results table.
            out.append(j == 0 ? "" : "  ").append(j == 0 ? c + " ".repeat(width[j] - c.length())
                    : " ".repeat(width[j] - c.length()) + c);
        }
        out.append('\n');
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int j = 0; j < header.size(); j++) {
            out.append(j == 0 ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> r : rows) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return out.toString();
    }

    private List<List<String>> all() {
        List<List<String>> out = new ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }
}
