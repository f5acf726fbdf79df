package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Compare end to end over two data sets (iris and Weka's breast-cancer), two folds each, a tiny NPT and CART. */
class SeveralDatasetsTest {

    private static final String TWO = "<item>iris</item><item>breast-cancer</item>";

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String sources, String extra, String... options) throws IOException {
        String xml;
        try (InputStream in = SeveralDatasetsTest.class.getResourceAsStream("datasets-config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(sources, extra, dir.resolve("results"));
        }
        Path config = dir.resolve("datasets.xml");
        Files.writeString(config, xml);
        List<String> args = new ArrayList<>(List.of("-c", config.toString()));
        args.addAll(List.of(options));
        return compare(args);
    }

    private int compare(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--progress", "NONE"));
        CompareRun run = CompareRun.of(all.toArray(String[]::new));
        out = run.out();
        err = run.err();
        return run.status();
    }

    private Path runFolder() throws IOException {
        return CompareRun.onlyRunFolder(dir.resolve("results"));
    }

    @Test
    void everyTrainerRunsOnEveryDataSetAndTheTablesAreDataSetsByTrainers() throws IOException {
        assertEquals(Compare.SUCCESS, run(TWO, ""), err);
        assertTrue(out.contains("2 data sets, 2-fold cross-validation"), out);
        assertTrue(out.contains("  breast-cancer: breast-cancer.arff (286 rows"), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("accuracy ↑\\s+npt\\s+cart")), out);
        assertTrue(lines.stream().anyMatch(l -> l.matches("iris\\s+\\^?0\\.\\d+ ± .*")), out);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\(v/ /\\*\\)\\s+base\\s+\\(\\d/\\d/\\d\\)\\s*")), out);
        assertTrue(out.contains("counts each trainer's wins, ties and losses over the 2 data sets"), out);
        assertTrue(out.contains("breast-cancer:\nPer class, pooled over folds"), out);

        Path folder = runFolder();
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        assertTrue(summary.get(0).startsWith("dataset,trainer,accuracy_mean,"), summary.get(0));
        assertEquals(List.of("iris,npt", "iris,cart", "breast-cancer,npt", "breast-cancer,cart"),
                summary.stream().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList());
        String md = Files.readString(folder.resolve("summary.md"));
        assertTrue(md.contains("## accuracy") && md.contains("[iris/summary.md](iris/summary.md)"), md);
        // The engines start once for the whole run, before the first data set's first fold.
        assertEquals(1, out.split("engine start-up", -1).length - 1, out);
        assertTrue(md.contains("\nEngine start-up (once, not in any fold's train time): PyTorch "), md);
        for (String chart : List.of("comparison-accuracy.png", "comparison-auroc.png", "comparison-log_loss.png")) {
            assertTrue(Files.size(folder.resolve(chart)) > 0, chart);
        }
        // Each data set keeps the files of a one-data-set run in its own folder; every trainer shares its splits.
        for (String set : List.of("iris", "breast-cancer")) {
            Path own = folder.resolve(set);
            assertEquals(1 + 2 * 2, Files.readAllLines(own.resolve("folds.csv")).size(), set);
            assertTrue(Files.exists(own.resolve("splits.csv")) && Files.exists(own.resolve("confusion.csv")), set);
            assertTrue(Files.readString(own.resolve("summary.md")).startsWith("# two data sets, tiny: " + set), set);
        }
        String provenance = Files.readString(folder.resolve("breast-cancer/provenance/cart-fold-1.json"));
        assertTrue(provenance.contains("breast-cancer.arff"), "each fold's provenance names its data file");

        // A lost fold of the second data set is run again, and only that one.
        Files.delete(folder.resolve("breast-cancer/predictions/cart-fold-1.csv"));
        String before = Files.readString(folder.resolve("breast-cancer/per-class.csv"));
        assertEquals(Compare.SUCCESS, compare(List.of("--resume", folder.toString())), err);
        assertTrue(out.contains("7 of 8 (fold, trainer) results were finished"), out);
        assertEquals(before, Files.readString(folder.resolve("breast-cancer/per-class.csv")));
    }

    @Test
    void sourceAndSourcesTogetherAndMixedTasksAreRefusedBeforeTraining() throws IOException {
        assertEquals(Compare.ERROR, run(TWO, "<property name=\"source\" value=\"iris\"/>"), err);
        assertTrue(err.contains("source and sources are both set"), err);
        assertEquals(Compare.ERROR, run("<item>iris</item><item>boston</item>", ""), err);
        assertTrue(err.contains("sources") && err.contains("mixes tasks"), err);
        assertFalse(Files.exists(dir.resolve("results")), "nothing is written for a configuration that fails");
    }
}
