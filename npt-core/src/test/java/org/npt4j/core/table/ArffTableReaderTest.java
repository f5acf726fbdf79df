package org.npt4j.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class ArffTableReaderTest {

    // Tests run in the npt-core module directory; the shared data folder sits beside it.
    private static final Path WEKA = Path.of("../data/weka_example_arff");

    @Test
    void breastCancerIsNominalWithMissingValues() throws IOException {
        Table t = ArffTableReader.arff().read(WEKA.resolve("breast-cancer.arff"));
        assertEquals(286, t.rowCount());
        assertEquals(10, t.columnCount());
        assertEquals("irradiat", t.column(8).name());
        assertEquals("Class", t.column(9).name());
        for (Column c : t.columns()) {
            assertInstanceOf(CategoricalColumn.class, c);
        }
        CategoricalColumn nodeCaps = (CategoricalColumn) t.column("node-caps");
        assertEquals("yes", nodeCaps.get(0));
        assertNull(nodeCaps.get(20));
        assertEquals("3", ((CategoricalColumn) t.column("deg-malig")).get(0));
        long missing = java.util.stream.IntStream.range(0, t.rowCount()).filter(nodeCaps::isMissing).count();
        assertEquals(8, missing);
    }

    @Test
    void cpuIsNumeric() throws IOException {
        Table t = ArffTableReader.arff().read(WEKA.resolve("cpu.arff"));
        assertEquals(209, t.rowCount());
        assertEquals(List.of("MYCT", "MMIN", "MMAX", "CACH", "CHMIN", "CHMAX", "class"), t.columnNames());
        for (Column c : t.columns()) {
            assertInstanceOf(NumericColumn.class, c);
        }
        assertEquals(125.0, ((NumericColumn) t.column("MYCT")).get(0));
        assertEquals(45.0, ((NumericColumn) t.column("class")).get(208));
    }

    @Test
    void irisHasUpperCaseKeywordsAndCanDropTheClass() throws IOException {
        Table t = ArffTableReader.arff().read(WEKA.resolve("iris.arff"));
        assertEquals(150, t.rowCount());
        assertEquals(5, t.columnCount());
        assertInstanceOf(NumericColumn.class, t.column("sepallength"));
        assertEquals(5.1, ((NumericColumn) t.column("sepallength")).get(0));
        assertEquals("Iris-virginica", ((CategoricalColumn) t.column("class")).get(149));
        Table x = ArffTableReader.arff().drop("class").read(WEKA.resolve("iris.arff"));
        assertEquals(List.of("sepallength", "sepalwidth", "petallength", "petalwidth"), x.columnNames());
    }

    @Test
    void quotedNamesAndValuesCommentsAndMissing(@TempDir Path dir) throws IOException {
        Path f = write(dir, """
                % a comment
                @Relation 'my data'

                @attribute 'size in cm' NUMERIC
                @attribute "colour name" {red, 'dark blue', "it's", 'a,b'}
                @attribute class{yes,no}
                @attribute id integer
                @DATA
                % rows follow
                 1.5 , 'dark blue' , yes, 1
                -2e3,"it's",no,2

                ?,?,'yes',3
                .5,'a,b',no,4
                7,'it\\'s',yes,5
                """);
        Table t = ArffTableReader.arff().drop("id").read(f);
        assertEquals(List.of("size in cm", "colour name", "class"), t.columnNames());
        assertArrayEquals(new double[] {1.5, -2000, Double.NaN, 0.5, 7}, ((NumericColumn) t.column("size in cm")).values());
        assertArrayEquals(new String[] {"dark blue", "it's", null, "a,b", "it's"},
                ((CategoricalColumn) t.column("colour name")).values());
        assertEquals("yes", ((CategoricalColumn) t.column("class")).get(2));
    }

    @Test
    void unsupportedAttributeTypesAreRefusedNamingAttributeTypeAndLine(@TempDir Path dir) throws IOException {
        String string = error(dir, "@relation r\n@attribute a numeric\n@attribute 'the text' STRING\n@data\n1,'x'\n");
        assertTrue(string.contains("ARFF attribute 'the text' at line 3 has type string, which npt4j cannot read"), string);
        String date = error(dir, "@relation r\n@attribute when date \"yyyy-MM-dd\"\n@data\n");
        assertTrue(date.contains("'when' at line 2 has type date"), date);
        String relational = error(dir, "@relation r\n\n@attribute bag relational\n@attribute x numeric\n@end bag\n@data\n");
        assertTrue(relational.contains("'bag' at line 3 has type relational"), relational);
    }

    @Test
    void sparseRowsAndInstanceWeightsAreRefused(@TempDir Path dir) throws IOException {
        String header = "@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n";
        String sparse = error(dir, header + "1,2\n{0 1, 1 2.5}\n");
        assertTrue(sparse.contains("line 6 is a sparse row"), sparse);
        String weight = error(dir, header + "1,2\n3,4, {5}\n");
        assertTrue(weight.contains("line 6 ends with an instance weight"), weight);
    }

    @Test
    void badValuesNameAttributeLineAndValue(@TempDir Path dir) throws IOException {
        String header = "@relation r\n@attribute a numeric\n@attribute c {x, y}\n@data\n";
        String number = error(dir, header + "1,x\n1.2.3,y\n");
        assertTrue(number.contains("line 6") && number.contains("'1.2.3'") && number.contains("'a'"), number);
        String nominal = error(dir, header + "1,x\n\n2,maybe\n");
        assertTrue(nominal.contains("line 7") && nominal.contains("'maybe'") && nominal.contains("'c'")
                && nominal.contains("[x, y]"), nominal);
        String count = error(dir, header + "1,x\n2\n");
        assertTrue(count.contains("line 6") && count.contains("found 1 values but expected 2"), count);
    }

    @Test
    void droppingAnUnknownColumnListsTheAttributes(@TempDir Path dir) throws IOException {
        Path f = write(dir, "@relation r\n@attribute a numeric\n@attribute c {x, y}\n@data\n1,x\n");
        NptInputException e = assertThrows(NptInputException.class, () -> ArffTableReader.arff().drop("zz").read(f));
        assertTrue(e.getMessage().contains("'zz'") && e.getMessage().contains("[a, c]"), e.getMessage());
    }

    private static Path write(Path dir, String content) throws IOException {
        Path f = Files.createTempFile(dir, "t", ".arff");
        Files.writeString(f, content);
        return f;
    }

    private static String error(Path dir, String content) throws IOException {
        Path f = write(dir, content);
        return assertThrows(NptInputException.class, () -> ArffTableReader.arff().read(f)).getMessage();
    }
}
