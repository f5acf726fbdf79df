package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.experiments.score.Task;

class TableSourceTest {

    @Test
    void arffNominalResponseIsClassificationWithCategoricalFeatures() {
        TableSource s = new TableSource(Path.of("data/weka_example_arff/breast-cancer.arff"), "Class", List.of());
        assertEquals(Task.CLASSIFICATION, s.task());
        assertEquals(286, s.table().rowCount());
        assertEquals(9, s.categoricalFeatures().size());
    }

    @Test
    void aNumericColumnListedAsCategoricalBecomesCategorical() {
        TableSource s = new TableSource(Path.of("data/weka_example_arff/cpu.arff"), "class", List.of("CHMIN"));
        assertEquals(Task.REGRESSION, s.task());
        CategoricalColumn chmin = assertInstanceOf(CategoricalColumn.class, s.table().column("CHMIN"));
        assertTrue(chmin.get(0).matches("\\d+"), "whole numbers are named without a fraction: " + chmin.get(0));
    }

    @Test
    void aResponseWithAMissingValueIsRefusedWithItsRow(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,y\n1,2\n3,\n");
        PropertyException e = assertThrows(PropertyException.class, () -> new TableSource(csv, "y", List.of()));
        assertTrue(e.getMessage().contains("Row 2") && e.getMessage().contains("'y'"), e.getMessage());
    }
}
