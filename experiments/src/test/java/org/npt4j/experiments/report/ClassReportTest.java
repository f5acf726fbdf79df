package org.npt4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.experiments.score.ConfusionMatrix;

/** Two folds of a made-up two-class problem, matrices built directly. */
class ClassReportTest {

    private static final List<String> CLASSES = List.of("no", "yes");

    @TempDir
    Path dir;

    /** npt: fold 0 all right; fold 1 one "yes" called "no". cart: one fold only (it failed on the other). */
    private static ClassReport report() {
        Map<String, List<ClassReport.FoldMatrix>> byTrainer = new LinkedHashMap<>();
        byTrainer.put("npt", List.of(
                new ClassReport.FoldMatrix(0, ConfusionMatrix.of(CLASSES, List.of("no", "yes", "yes"), List.of("no", "yes", "yes"))),
                new ClassReport.FoldMatrix(1, ConfusionMatrix.of(CLASSES, List.of("no", "yes"), List.of("no", "no")))));
        byTrainer.put("cart", List.of(
                new ClassReport.FoldMatrix(1, ConfusionMatrix.of(CLASSES, List.of("no", "yes"), List.of("yes", "yes")))));
        return new ClassReport(CLASSES, byTrainer);
    }

    @Test
    void pooledFiguresComeFromTheSummedMatrixAndSpreadsFromTheFolds() {
        ClassReport r = report();
        ConfusionMatrix pooled = r.pooled("npt");
        assertEquals(2, pooled.count(1, 1));
        assertEquals(1, pooled.count(1, 0));
        List<String> csv = r.perClassCsv().lines().toList();
        assertEquals("trainer,class,support,precision,recall,f1,precision_mean,precision_sd,recall_mean,recall_sd,"
                + "f1_mean,f1_sd,folds", csv.get(0));
        // yes: pooled recall 2/3; per fold 1 and 0, mean 0.5, sd √0.5; precision undefined in fold 1 (never predicted).
        assertEquals("npt,yes,3,1.0,0.6666666666666666,0.8,1.0,,0.5,0.7071067811865476,0.5,0.7071067811865476,2", csv.get(2));
        assertEquals("cart,no,1,,0.0,0.0,,,0.0,,0.0,,1", csv.get(3), "cart never predicted no; one fold, no sd");
    }

    @Test
    void filesListEveryFoldAndThePooledMatrixInTheClassesOrder() throws IOException {
        report().write(dir);
        List<String> confusion = Files.readAllLines(dir.resolve("confusion.csv"));
        assertEquals("trainer,fold,actual,predicted no,predicted yes", confusion.get(0));
        assertEquals(List.of("npt,0,no,1,0", "npt,0,yes,0,2", "npt,1,no,1,0", "npt,1,yes,1,0", "npt,pooled,no,2,0",
                "npt,pooled,yes,1,2", "cart,1,no,0,1", "cart,1,yes,0,1", "cart,pooled,no,0,1", "cart,pooled,yes,0,1"),
                confusion.subList(1, confusion.size()));
        List<String> folds = Files.readAllLines(dir.resolve("per-class-folds.csv"));
        assertEquals("trainer,fold,class,support,predicted,precision,recall,f1", folds.get(0));
        assertEquals("npt,1,yes,1,0,,0.0,0.0", folds.get(4));
        assertEquals(1 + 3 * 2, folds.size());
    }

    @Test
    void thePrintedFormIsCompactAndMarkdownHasBothSections() {
        ClassReport r = report();
        String text = r.text();
        assertTrue(text.lines().anyMatch(l -> l.matches("npt\\s+yes\\s+3\\s+1\\.000\\s+0\\.667\\s+0\\.800\\s+0\\.500 ± 0\\.707")), text);
        assertTrue(text.contains("  npt: no [2 0]  yes [1 2]"), text);
        String md = r.markdown();
        assertTrue(md.contains("## Per class") && md.contains("## Confusion matrices"), md);
        assertTrue(md.contains("| npt: actual \\ predicted | no | yes |"), md);
        assertTrue(md.contains("| yes | 1 | 2 |"), md);
    }
}
