package org.npt4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;

/**
 * What the scorer does with Datasets that do not fit the model: clear errors naming the column (and
 * the row and value where one is to blame), on the driver where the schema alone shows the problem.
 * In-process Spark ({@code local[1]}): no executor JVMs needed.
 */
class NptSparkScorerErrorsTest {

    private static SparkSession spark;
    private static NptModel model;

    @BeforeAll
    static void start() {
        spark = TestCluster.inProcess("npt-scoring-errors", 1);
        model = ScoringFixtures.ringsModel(60, 4, 2);
    }

    @AfterAll
    static void stop() {
        if (model != null) {
            model.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    private static Dataset<Row> rows(int n) {
        return ScoringFixtures.generated(spark, n, 2);
    }

    @Test
    void aMissingColumnFailsAtOnceNamingItAndTheDatasetsColumns() {
        NptSparkScorer scorer = NptSparkScorer.of(model);
        NptInputException e = assertThrows(NptInputException.class, () -> scorer.score(rows(10).drop("x2")));
        assertTrue(e.getMessage().contains("no column 'x2'") && e.getMessage().contains("numerical")
                && e.getMessage().contains("[id, x1, colour]"), e.getMessage());

        e = assertThrows(NptInputException.class, () -> scorer.score(rows(10).withColumnRenamed("x2", "X2")));
        assertTrue(e.getMessage().contains("'X2' differs in case only"), e.getMessage());
    }

    @Test
    void aColumnOfAnotherTypeFailsAtOnceNamingColumnAndTypes() {
        NptSparkScorer scorer = NptSparkScorer.of(model);
        NptInputException e = assertThrows(NptInputException.class,
                () -> scorer.score(rows(10).withColumn("x1", col("x1").cast("string"))));
        assertTrue(e.getMessage().contains("Column 'x1' is string") && e.getMessage().contains("numerical"), e.getMessage());

        e = assertThrows(NptInputException.class, () -> scorer.score(rows(10).withColumn("colour", col("id"))));
        assertTrue(e.getMessage().contains("Column 'colour' is bigint") && e.getMessage().contains("categorical"), e.getMessage());
    }

    @Test
    void anyNumericTypeIsReadAsNumbers() {
        NptSparkScorer scorer = NptSparkScorer.of(model);
        Dataset<Row> doubles = rows(20);
        Dataset<Row> others = doubles.withColumn("x1", col("x1").cast("float")).withColumn("x2", col("x2").cast("decimal(10,4)"));
        List<Row> a = scorer.score(doubles.withColumn("x1", col("x1").cast("float").cast("double"))
                .withColumn("x2", col("x2").cast("decimal(10,4)").cast("double"))).orderBy("id").collectAsList();
        List<Row> b = scorer.score(others).orderBy("id").collectAsList();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getList(5), b.get(i).getList(5));
        }
    }

    @Test
    void aTargetColumnInTheDatasetPassesThroughUnread() {
        NptSparkScorer scorer = NptSparkScorer.of(model);
        List<Row> plain = scorer.score(rows(20)).orderBy("id").collectAsList();
        List<Row> labelled = scorer.score(rows(20).withColumn("label", lit("inner"))).orderBy("id").collectAsList();
        assertEquals(List.of("id", "x1", "x2", "colour", "label", "label_prediction", "label_probabilities"),
                List.of(scorer.score(rows(1).withColumn("label", lit("inner"))).schema().fieldNames()));
        for (int i = 0; i < plain.size(); i++) {
            assertEquals("inner", labelled.get(i).getString(4));
            assertEquals(plain.get(i).getList(5), labelled.get(i).getList(6), "the label is no input: row " + i);
        }
    }

    @Test
    void anOutputColumnThatExistsIsNotOverwritten() {
        NptInputException e = assertThrows(NptInputException.class,
                () -> NptSparkScorer.of(model).score(rows(10).withColumn("label_prediction", lit("x"))));
        assertTrue(e.getMessage().contains("already has a column 'label_prediction'"), e.getMessage());
    }

    @Test
    void anUnseenCategoryIsMissingByDefaultAsInCore() {
        Dataset<Row> purple = rows(30).withColumn("colour", when(col("id").mod(2).equalTo(0), lit("purple")).otherwise(col("colour")));
        List<Row> scored = NptSparkScorer.of(model).score(purple).orderBy("id").collectAsList();
        // Core treats an unseen category as a missing cell: the same predictions as with null there.
        ClassPredictions expected = model.withThreads(1).predict(ScoringFixtures.table(
                rows(30).withColumn("colour", when(col("id").mod(2).equalTo(0), lit(null).cast("string")).otherwise(col("colour")))
                        .orderBy("id").collectAsList(), true)).classes("label");
        for (int i = 0; i < scored.size(); i++) {
            Row r = scored.get(i);
            assertEquals(i % 2 == 0 ? "purple" : ScoringFixtures.COLOURS[i % 3], r.getString(3), "the input passes through");
            double[] got = r.<Double>getList(5).stream().mapToDouble(Double::doubleValue).toArray();
            assertArrayEquals(expected.probabilities(i), got, 1e-6);
        }
    }

    @Test
    void anUnseenCategoryFailsWhenAskedNamingColumnValueAndRow() {
        NptSparkScorer scorer = NptSparkScorer.of(model).withUnknownCategories(UnknownCategories.FAIL);
        Dataset<Row> purple = rows(30).withColumn("colour", when(col("id").equalTo(17), lit("purple")).otherwise(col("colour")));
        Exception e = assertThrows(Exception.class, () -> scorer.score(purple).collectAsList());
        String message = messages(e);
        assertTrue(message.contains("Column 'colour' has the category 'purple' in row [17,")
                && message.contains("[blue, green, red]"), message);
        // Rows the model knows are scored.
        assertEquals(30, scorer.score(rows(30)).count());
    }

    @Test
    void anInfiniteValueFailsItsTaskNamingColumnValueAndRow() {
        Dataset<Row> infinite = rows(30).withColumn("x1", when(col("id").equalTo(5), lit(Double.POSITIVE_INFINITY)).otherwise(col("x1")));
        Exception e = assertThrows(Exception.class, () -> NptSparkScorer.of(model).score(infinite).collectAsList());
        String message = messages(e);
        assertTrue(message.contains("Column 'x1' has the value Infinity in row [5,"), message);
    }

    @Test
    void batchesAreAtLeastOneRowAndDoNotChangePredictions() {
        assertThrows(IllegalArgumentException.class, () -> NptSparkScorer.of(model).withBatchSize(0));
        NptSparkScorer scorer = NptSparkScorer.of(model);
        assertEquals(model.config().get(org.npt4j.core.Settings.PREDICTION_BATCH_SIZE), scorer.batchSize());
        assertEquals(0, scorer.score(rows(0)).count(), "empty partitions");
        List<Row> whole = scorer.score(rows(50)).orderBy("id").collectAsList();
        List<Row> sevens = scorer.withBatchSize(7).score(rows(50)).orderBy("id").collectAsList();
        for (int i = 0; i < whole.size(); i++) {
            double[] a = whole.get(i).<Double>getList(5).stream().mapToDouble(Double::doubleValue).toArray();
            double[] b = sevens.get(i).<Double>getList(5).stream().mapToDouble(Double::doubleValue).toArray();
            assertArrayEquals(a, b, 1e-6);
        }
    }

    /** A task's exception reaches the driver wrapped in Spark's: its messages, all the way down. */
    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }
}
