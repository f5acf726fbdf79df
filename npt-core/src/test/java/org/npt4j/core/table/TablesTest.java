package org.npt4j.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.NptInputException;

class TablesTest {

    @Test
    void csvColumnsAreTypedByContentAndMissingTokensBecomeMissing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "a,b,\"c\",d\n1,x,3,7\n2.5,?,4,8\n,y,NA,9\n");
        Table t = CsvTableReader.csv().categorical("d").read(f);
        assertEquals(List.of("a", "b", "c", "d"), t.columnNames());
        assertInstanceOf(NumericColumn.class, t.column("a"));
        assertInstanceOf(CategoricalColumn.class, t.column("b"));
        assertInstanceOf(CategoricalColumn.class, t.column("d"));
        assertTrue(t.column("a").isMissing(2));
        assertNull(((CategoricalColumn) t.column("b")).get(1));
        assertTrue(t.column("c").isMissing(2));
        assertEquals("7", ((CategoricalColumn) t.column("d")).get(0));
    }

    @Test
    void csvWithoutHeaderWhitespaceAndDroppedColumns(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.data");
        Files.writeString(f, " 1  2 3\n4 5   6\n");
        Table t = CsvTableReader.csv().delimiter("\\s+").noHeader(List.of("p", "q", "r")).drop("q").read(f);
        assertEquals(List.of("p", "r"), t.columnNames());
        assertEquals(6.0, ((NumericColumn) t.column("r")).get(1));
    }

    @Test
    void csvErrorsNameTheLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "a,b\n1,2\n3\n");
        NptInputException e = assertThrows(NptInputException.class, () -> CsvTableReader.csv().read(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        Path g = dir.resolve("inf.csv");
        Files.writeString(g, "a\n1\nInfinity\n");
        NptInputException inf = assertThrows(NptInputException.class, () -> CsvTableReader.csv().read(g));
        assertTrue(inf.getMessage().contains("'a'") && inf.getMessage().contains("row 1"), inf.getMessage());
        assertThrows(NptInputException.class, () -> CsvTableReader.csv().categorical("zz").read(g));
    }

    @Test
    void tablesRejectRaggedOrDuplicateColumns() {
        assertThrows(NptInputException.class, () -> Table.builder().numeric("a", new double[2]).numeric("b", new double[3]).build());
        assertThrows(NptInputException.class, () -> Table.builder().numeric("a", new double[2]).numeric("a", new double[2]).build());
    }

    @Test
    void selectAppendAndDrop() {
        Table t = Table.builder().numeric("a", new double[] {1, 2, 3}).categorical("b", new String[] {"x", null, "z"}).build();
        Table s = t.selectRows(new int[] {2, 0});
        assertEquals(3.0, ((NumericColumn) s.column("a")).get(0));
        assertEquals("x", ((CategoricalColumn) s.column("b")).get(1));
        Table both = t.appendRows(s);
        assertEquals(5, both.rowCount());
        assertTrue(both.column("b").isMissing(1));
        assertEquals(List.of("b"), t.withoutColumns(List.of("a", "nope")).columnNames());
    }

    @Test
    void rowRoleSelections() {
        RowRole[] roles = {RowRole.TEST, RowRole.TRAIN, RowRole.VALIDATION, RowRole.TRAIN};
        assertEquals(List.of(1, 3), java.util.Arrays.stream(RowRoles.indicesOf(roles, RowRole.TRAIN)).boxed().toList());
        assertEquals(List.of(1, 2, 3),
                java.util.Arrays.stream(RowRoles.indicesOf(roles, RowRole.TRAIN, RowRole.VALIDATION)).boxed().toList());
        assertEquals(0, RowRoles.indicesOf(roles).length);
        assertEquals(List.of(RowRole.TEST, RowRole.TEST), List.of(RowRoles.filled(2, RowRole.TEST)));
    }
}
