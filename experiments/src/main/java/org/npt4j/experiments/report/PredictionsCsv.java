package org.npt4j.experiments.report;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
