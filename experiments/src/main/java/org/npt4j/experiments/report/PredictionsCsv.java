package org.npt4j.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.npt4j.experiments.score.ConfusionMatrix;
import org.tribuo.Dataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * One fold's predictions as CSV: per test row its index in the source table, the true output, the
 * prediction and, for classifiers that give them, every class's probability. Numbers are written
 * exactly (Java's shortest round-tripping form), so two runs can be compared bit for bit and
 * per-row significance tests run on the files.
 */
public final class PredictionsCsv {

    private PredictionsCsv() {}

    /**
     * @param rows the test rows' indices in the source table, aligned with {@code test}
     * @param test the test examples
     * @param predictions one prediction per test example, in order
     * @return the CSV text
     */
    public static String of(int[] rows, Dataset<?> test, List<? extends Prediction<?>> predictions) {
        if (rows.length != predictions.size() || rows.length != test.size()) {
            throw new IllegalArgumentException(rows.length + " rows, " + test.size() + " examples and "
                    + predictions.size() + " predictions");
        }
        TreeSet<String> classes = new TreeSet<>();
        for (Prediction<?> p : predictions) {
            if (p.hasProbabilities()) {
                classes.addAll(p.getOutputScores().keySet());
            }
        }
        StringBuilder out = new StringBuilder("row,actual,predicted");
        for (String c : classes) {
            out.append(",p_").append(Csv.field(c));
        }
        out.append('\n');
        for (int i = 0; i < rows.length; i++) {
            Prediction<?> p = predictions.get(i);
            out.append(rows[i]).append(',').append(Csv.field(text(test.getExample(i).getOutput())))
                    .append(',').append(Csv.field(text(p.getOutput())));
            Map<String, ? extends Output<?>> scores = p.getOutputScores();
            for (String c : classes) {
                Output<?> s = scores.get(c);
                out.append(',').append(s instanceof Label l ? Double.toString(l.getScore()) : "");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Reads a classification fold's predictions file back into its confusion matrix. The matrices
     * come from the files rather than from the runner's memory so that a resumed run, whose earlier
     * folds were trained by another process, counts them exactly as an uninterrupted one.
     *
     * @param file a predictions file this class wrote
     * @param classes the classes, in the matrix's order
     * @return the counts of (actual, predicted) over the fold's test rows
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a line is not one this class writes, or names an unknown class
     */
    public static ConfusionMatrix confusion(Path file, List<String> classes) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("row,actual,predicted")) {
            throw new IllegalArgumentException(file + " is not a predictions file");
        }
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = Csv.parse(line);
            actual.add(fields.get(1));
            predicted.add(fields.get(2));
        }
        try {
            return ConfusionMatrix.of(classes, actual, predicted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Output<?> output) {
        if (output instanceof Label l) {
            return l.getLabel();
        }
        if (output instanceof Regressor r) {
            double[] v = r.getValues();
            StringBuilder sb = new StringBuilder();
            for (int d = 0; d < v.length; d++) {
                sb.append(d == 0 ? "" : ";").append(v[d]);
            }
            return sb.toString();
        }
        return output.toString();
    }
}
