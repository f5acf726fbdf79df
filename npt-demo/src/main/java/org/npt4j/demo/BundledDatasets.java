package org.npt4j.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npt4j.core.table.CsvTableReader;
import org.npt4j.core.table.Table;

/**
 * The small UCI datasets bundled in the project's {@code data/} folder, typed as the NPT reference
 * types them. The folder is found through the {@code npt4j.data} system property, else {@code data}
 * or {@code ../data} relative to the working directory.
 */
public final class BundledDatasets {

    /** Target column of {@link #breastCancer()}: M (malignant) or B (benign). */
    public static final String BREAST_CANCER_TARGET = "diagnosis";
    /** Target column of {@link #boston()}: median home value in $1000s. */
    public static final String BOSTON_TARGET = "MEDV";

    private static final String[] MEASURES = {"radius", "texture", "perimeter", "area", "smoothness",
        "compactness", "concavity", "concave_points", "symmetry", "fractal_dimension"};

    private BundledDatasets() {}

    /**
     * @return the data folder
     * @throws UncheckedIOException if none of the candidate folders exists
     */
    public static Path dataDirectory() {
        String property = System.getProperty("npt4j.data");
        List<Path> candidates = property != null ? List.of(Path.of(property)) : List.of(Path.of("data"), Path.of("../data"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("breast_cancer_wisconsin_diagnostic"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("Bundled data folder not found; looked in " + candidates
                + " (set -Dnpt4j.data=<folder>)"));
    }

    /**
     * Breast Cancer Wisconsin (Diagnostic): 569 rows, the {@code diagnosis} target and 30 numerical
     * features; the patient ID is dropped, as the reference loader does.
     *
     * @return the table
     */
    public static Table breastCancer() {
        List<String> names = new ArrayList<>(List.of("id", BREAST_CANCER_TARGET));
        for (String stat : new String[] {"mean", "se", "worst"}) {
            for (String m : MEASURES) {
                names.add(m + "_" + stat);
            }
        }
        return read(CsvTableReader.csv().noHeader(names).drop("id"),
                dataDirectory().resolve("breast_cancer_wisconsin_diagnostic/wdbc.data"));
    }

    /**
     * Boston Housing: 506 rows, 13 features and the {@code MEDV} target; CHAS and RAD categorical
     * as in the reference.
     *
     * @return the table
     */
    public static Table boston() {
        return read(CsvTableReader.csv().skipLines(1).categorical("CHAS", "RAD"),
                dataDirectory().resolve("boston_housing/boston_house_prices.csv"));
    }

    private static Table read(CsvTableReader reader, Path path) {
        try {
            return reader.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
