package org.npt4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;

class BundledDatasetsTest {

    @Test
    void bundledDatasetsHaveThePaperShapes() {
        Table bc = BundledDatasets.breastCancer();
        assertEquals(569, bc.rowCount());
        assertEquals(31, bc.columnCount());
        assertEquals(212, Arrays.stream(((CategoricalColumn) bc.column("diagnosis")).values()).filter("M"::equals).count());
        Table boston = BundledDatasets.boston();
        assertEquals(506, boston.rowCount());
        assertEquals(14, boston.columnCount());
        assertInstanceOf(CategoricalColumn.class, boston.column("CHAS"));
        assertInstanceOf(CategoricalColumn.class, boston.column("RAD"));
        assertInstanceOf(NumericColumn.class, boston.column("MEDV"));
    }
}
