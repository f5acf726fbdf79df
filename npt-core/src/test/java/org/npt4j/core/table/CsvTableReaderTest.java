package org.npt4j.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npt4j.core.NptInputException;

class CsvTableReaderTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static String label(Table t, String column, int row) {
        return ((CategoricalColumn) t.column(column)).get(row);
    }

    @Test
    void quotedCommasInHeaderNamesAndValues() throws IOException {
        Table t = CsvTableReader.csv().read(write("\"price, USD\",city\n3,\"Paris, France\"\n4,Rome\n"));
        assertEquals(List.of("price, USD", "city"), t.columnNames());
        assertEquals(3.0, ((NumericColumn) t.column("price, USD")).get(0));
        assertEquals("Paris, France", label(t, "city", 0));
        assertEquals("Rome", label(t, "city", 1));
    }

    @Test
    void quotedValueMaySpanLines() throws IOException {
        Table t = CsvTableReader.csv().read(write("a,note\n1,\"first\nsecond\"\n2,plain\n"));
        assertEquals(2, t.rowCount());
        assertEquals("first\nsecond", label(t, "note", 0));
        assertEquals("plain", label(t, "note", 1));
    }

    @Test
    void doubledQuotesAreOneQuote() throws IOException {
        Table t = CsvTableReader.csv().read(write("name\n\"say \"\"hi\"\"\"\n\"\"\"\"\n"));
        assertEquals("say \"hi\"", label(t, "name", 0));
        assertEquals("\"", label(t, "name", 1));
    }

    @Test
    void questionMarksEmptyCellsAndQuotedEmptyStringsAreMissing() throws IOException {
        Table t = CsvTableReader.csv().read(write("x,y,z\n1,a,?\n,?,\"\"\n\"\",NA,5\n4,b,6\n"));
        NumericColumn x = assertInstanceOf(NumericColumn.class, t.column("x"));
        assertEquals(1.0, x.get(0));
        assertTrue(x.isMissing(1));
        assertTrue(x.isMissing(2));
        assertNull(label(t, "y", 1));
        assertNull(label(t, "y", 2));
        assertEquals("b", label(t, "y", 3));
        assertInstanceOf(NumericColumn.class, t.column("z"));
        assertTrue(t.column("z").isMissing(0));
        assertTrue(t.column("z").isMissing(1));
        assertEquals(6.0, ((NumericColumn) t.column("z")).get(3));
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Table t = CsvTableReader.csv().read(write("\uFEFFid,v\n1,2\n"));
        assertEquals(List.of("id", "v"), t.columnNames());
    }

    @Test
    void windowsLineEndings() throws IOException {
        Table t = CsvTableReader.csv().read(write("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n"));
        assertEquals(List.of("a", "b"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals("x\r\ny", label(t, "b", 0));
        assertEquals("z", label(t, "b", 1));
        assertEquals(2.0, ((NumericColumn) t.column("a")).get(1));
    }

    @Test
    void whitespaceDelimitedLikeTheBostonFile() throws IOException {
        Path f = write(" 0.00632  18.00   2.310  0  24.00\n\t0.02731   0.00   7.070  0  21.60  \n\n");
        Table t = CsvTableReader.csv().delimiter("\\s+").noHeader(List.of("CRIM", "ZN", "INDUS", "CHAS", "MEDV"))
                .categorical("CHAS").read(f);
        assertEquals(2, t.rowCount());
        assertEquals(0.00632, ((NumericColumn) t.column("CRIM")).get(0));
        assertEquals(21.6, ((NumericColumn) t.column("MEDV")).get(1));
        assertEquals("0", label(t, "CHAS", 1));
    }

    @Test
    void otherSeparatorsAreOneCharacter() throws IOException {
        Table semi = CsvTableReader.csv().delimiter(";").read(write("a;b\n1,5;\"x;y\"\n"));
        assertEquals("x;y", label(semi, "b", 0));
        assertEquals("1,5", label(semi, "a", 0));
        Table tab = CsvTableReader.csv().delimiter("\\t").read(write("a\tb\n1\t\" x y \"\n"));
        assertEquals(" x y ", label(tab, "b", 0));
        Table pipe = CsvTableReader.csv().delimiter("\\|").read(write("a|b\n1|2\n"));
        assertEquals(2.0, ((NumericColumn) pipe.column("b")).get(0));
    }

    @Test
    void separatorsThatAreNotOneCharacterNorWhitespaceAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvTableReader.csv().delimiter(", *"));
        assertTrue(e.getMessage().contains("', *'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvTableReader.csv().delimiter("\\d"));
        assertThrows(IllegalArgumentException.class, () -> CsvTableReader.csv().delimiter("\""));
    }

    @Test
    void wrongFieldCountNamesTheLineItStartsOnAndBothCounts() throws IOException {
        // Line 1 is skipped, line 2 the header, the quoted value spans lines 3-4, line 5 is blank.
        Path f = write("skip me\na,b\n1,\"x\ny\"\n\n2,3,4\n");
        NptInputException e = assertThrows(NptInputException.class,
                () -> CsvTableReader.csv().skipLines(1).read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 6: 3 fields but 2 columns"), e.getMessage());
    }

    @Test
    void unterminatedQuoteFailsNamingTheLine() throws IOException {
        Path f = write("a,b\n1,2\n3,\"open\n4,5\n");
        NptInputException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(NptInputException.class, () -> CsvTableReader.csv().read(f)));
        assertTrue(e.getMessage().contains(f + " line 3:"), e.getMessage());
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }
}
