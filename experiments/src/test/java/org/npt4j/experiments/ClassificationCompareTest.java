package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare end to end on a classification task: iris, two folds, a tiny NPT and CART. */
class ClassificationCompareTest {

    private static final List<String> IRIS = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... options) throws IOException {
        String xml;
        try (InputStream in = ClassificationCompareTest.class.getResourceAsStream("classes-config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(dir.resolve("results"));
        }
        Path config = dir.resolve("iris.xml");
        Files.writeString(config, xml);
        List<String> args = new ArrayList<>(List.of("-c", config.toString()));
        args.addAll(List.of(options));
        return compare(args);
    }

    /** Runs the command line with {@code args}, progress off. */
    private int compare(List<String> args) {
        args = new ArrayList<>(args);
        args.addAll(List.of("--progress", "NONE"));
        CompareRun run = CompareRun.of(args.toArray(String[]::new));
        out = run.out();
        err = run.err();
        return run.status();
    }

    private Path runFolder() throws IOException {
        return CompareRun.onlyRunFolder(dir.resolve("results"));
    }

    @Test
    void perClassFiguresAndConfusionMatricesAreWrittenAndPrinted() throws IOException {
        assertEquals(Compare.SUCCESS, run(), err);
        Path folder = runFolder();
        assertTrue(out.contains("Per class, pooled over folds"), out);
        assertTrue(out.contains("Confusion matrices summed over folds"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  cart: Iris-setosa [")), out);

        List<String> perClass = Files.readAllLines(folder.resolve("per-class.csv"));
        assertEquals(1 + 2 * IRIS.size(), perClass.size());
        for (int c = 0; c < IRIS.size(); c++) {
            assertTrue(perClass.get(1 + c).startsWith("npt," + IRIS.get(c) + ",50,"), "classes in the domain's order: " + perClass);
        }
        // The pooled matrix counts each of the 150 rows once, 50 per class.
        List<String> confusion = Files.readAllLines(folder.resolve("confusion.csv"));
        long pooledRows = 0;
        for (String line : confusion) {
            if (line.startsWith("cart,pooled,")) {
                String[] f = line.split(",");
                pooledRows += Long.parseLong(f[3]) + Long.parseLong(f[4]) + Long.parseLong(f[5]);
                assertEquals(50, Long.parseLong(f[3]) + Long.parseLong(f[4]) + Long.parseLong(f[5]), line);
            }
        }
        assertEquals(150, pooledRows);
        assertEquals(1 + 2 * 2 * IRIS.size(), Files.readAllLines(folder.resolve("per-class-folds.csv")).size());
        String md = Files.readString(folder.resolve("summary.md"));
        assertTrue(md.contains("## Per class") && md.contains("| cart: actual \\ predicted | Iris-setosa |"), md);
    }

    @Test
    void repeatedKFoldRunsEveryRepetitionAndResumesAFoldOfTheSecond() throws IOException {
        assertEquals(Compare.SUCCESS, run("--@protocol.repeats", "2"), err);
        Path folder = runFolder();
        assertTrue(out.contains("2 × 2-fold cross-validation (2 repeats, 4 folds)"), out);
        assertTrue(out.contains("mean ± standard error over 4 folds (2 repeats × 2 folds)"), out);
        assertTrue(out.contains("paired by (repeat, fold) over all 4 folds (2 repeats × 2 folds)"), out);
        List<String> folds = Files.readAllLines(folder.resolve("folds.csv"));
        assertTrue(folds.get(0).startsWith("trainer,repeat,fold,accuracy,"), folds.get(0));
        assertEquals(1 + 2 * 4, folds.size());
        assertTrue(folds.get(7).startsWith("npt,1,3,") && folds.get(8).startsWith("cart,1,3,"), folds.toString());
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertTrue(summary.get(2).startsWith("cart,"), summary.get(2));
        assertEquals("4", summary.get(2).split(",", -1)[List.of(summary.get(0).split(",", -1)).indexOf("folds")]);
        assertTrue(Files.readAllLines(folder.resolve("confusion.csv")).get(0).startsWith("trainer,repeat,fold,actual,"));
        assertTrue(Files.readString(folder.resolve("summary.md")).contains("understates the uncertainty"));

        // A lost fold of the second repetition is run again, and only that one.
        String before = Files.readString(folder.resolve("per-class.csv"));
        Files.delete(folder.resolve("predictions/cart-fold-3.csv"));
        assertEquals(Compare.SUCCESS, compare(List.of("--resume", folder.toString())), err);
        assertTrue(out.contains("7 of 8 (fold, trainer) results were finished"), out);
        assertEquals(before, Files.readString(folder.resolve("per-class.csv")), "CART retrains to the same model");
    }
}
