package org.npt4j.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.npt4j.core.table.RowRole;
import org.npt4j.experiments.protocol.Split;

/**
 * The NPT reference's fold-0 split of a data set, read from the bundled
 * {@code reference-parity-splits.json}: 0-based row indices of its training, validation and test
 * rows, and the per-column standardisation [mean, population std] the reference used (features
 * over all rows, the target over training rows only). The file is a copy of the research note's,
 * kept in the jar so that neither CI nor users depend on the shared research folder.
 *
 * @param key the data set's key in the file ({@code breast-cancer}, {@code boston-housing})
 * @param train training row indices
 * @param validation validation row indices
 * @param test test row indices
 * @param standardisation per column in table order, {mean, std}; NaN for categorical columns
 */
record ParitySplits(String key, int[] train, int[] validation, int[] test, double[][] standardisation) {

    /** The bundled file, beside this class. */
    static final String RESOURCE = "reference-parity-splits.json";

    /**
     * @param key the data set's key in the bundled file
     * @return its split
     * @throws IllegalArgumentException if the file has no such data set
     */
    public static ParitySplits load(String key) {
        try (InputStream in = ParitySplits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonObject root = JsonParser.parseReader(r).getAsJsonObject();
                JsonObject set = root.getAsJsonObject(key);
                if (set == null) {
                    throw new IllegalArgumentException("no data set '" + key + "' in " + RESOURCE + "; it has " + root.keySet());
                }
                return new ParitySplits(key, indices(set, "train"), indices(set, "val"), indices(set, "test"), scales(set));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the number of rows the split covers */
    public int rowCount() {
        return train.length + validation.length + test.length;
    }

    /**
     * @param rows rows in the table
     * @return one role per row: train to TRAIN, val to VALIDATION, test to TEST
     * @throws IllegalStateException if the sets overlap or do not cover the table's rows exactly
     */
    public RowRole[] roles(int rows) {
        try {
            return new Split(0, train, validation, test).roles(rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }

    private static int[] indices(JsonObject set, String name) {
        JsonArray a = set.getAsJsonArray(name);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    private static double[][] scales(JsonObject set) {
        JsonArray a = set.getAsJsonArray("standardisation_mean_scale");
        double[][] out = new double[a.size()][];
        for (int j = 0; j < out.length; j++) {
            JsonArray pair = a.get(j).getAsJsonArray();
            out[j] = new double[] {number(pair.get(0)), number(pair.get(1))};
        }
        return out;
    }

    // The reference writes null for categorical columns, which it does not standardise.
    private static double number(JsonElement e) {
        return e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    @Override
    public String toString() {
        return key + " " + train.length + "/" + validation.length + "/" + test.length + " rows, standardisation "
                + Arrays.deepToString(standardisation);
    }
}
