package org.npt4j.spark;

import org.apache.spark.sql.Row;

/** A Spark row as text for error messages, cut short so that a wide row cannot flood a log. */
final class RowText {

    private static final int MAX_CHARS = 200;

    private RowText() {}

    static String of(Row row) {
        String text = row.mkString("[", ", ", "]");
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…]" : text;
    }
}
