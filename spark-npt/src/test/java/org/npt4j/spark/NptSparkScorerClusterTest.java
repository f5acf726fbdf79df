package org.npt4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.ValuePredictions;

/**
 * Scores 100,000 generated rows on a cluster of two executor JVMs of one core each, and checks the
 * scored rows against {@link NptModel#predict} in the driver. Prints rows/s per executor, measured on
 * whatever else the machine is running: not asserted.
 */
class NptSparkScorerClusterTest {

    private static final int EXECUTORS = 2;
    private static final long ROWS = 100_000;
    private static final int PARTITIONS = 8;
    /** Every 500th row: 200 rows compared with the driver's predictions. */
    private static final long SAMPLE_EVERY = 500;
    /** Driver and executors run passes of other shapes (another batch split), so float rounding may differ in the last bits. */
    private static final double TOLERANCE = 1e-6;

    private static SparkSession spark;

    @BeforeAll
    static void startCluster() {
        spark = SparkSession.builder().config(TestCluster.conf("npt-scoring", EXECUTORS, 1)).getOrCreate();
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void classifies100kRowsAsPredictDoesInTheDriver() {
        try (NptModel model = ScoringFixtures.ringsModel(150, 8, 2); NptSparkScorer scorer = NptSparkScorer.of(model)) {
            Dataset<Row> rows = ScoringFixtures.generated(spark, ROWS, PARTITIONS);
            Dataset<Row> scored = scorer.score(rows);

            StructType schema = scored.schema();
            assertEquals(List.of("id", "x1", "x2", "colour", "label_prediction", "label_probabilities"), List.of(schema.fieldNames()));
            assertEquals(DataTypes.LongType, schema.apply("id").dataType());
            assertEquals(DataTypes.StringType, schema.apply("label_prediction").dataType());
            assertEquals(DataTypes.createArrayType(DataTypes.DoubleType, false), schema.apply("label_probabilities").dataType());
            assertEquals(List.of("inner", "outer"), scorer.classes("label"));

            warmUp(scorer);
            scored.persist();
            long start = System.nanoTime();
            long off = scored.filter(expr("abs(aggregate(label_probabilities, 0D, (s, p) -> s + p) - 1) > 1e-6 "
                    + "or size(label_probabilities) != 2 or label_prediction is null")).count();
            double seconds = (System.nanoTime() - start) / 1e9;
            report("classification", seconds);
            assertEquals(0, off, "rows whose probabilities do not sum to 1");
            assertEquals(ROWS, scored.count());
            assertEquals(ROWS, scored.select("id").distinct().count(), "every input row once");

            List<Row> sample = scored.filter(col("id").mod(SAMPLE_EVERY).equalTo(0)).orderBy("id").collectAsList();
            assertEquals(ROWS / SAMPLE_EVERY, sample.size());
            ClassPredictions expected = model.withThreads(1).predict(ScoringFixtures.table(sample, true)).classes("label");
            for (int i = 0; i < sample.size(); i++) {
                Row r = sample.get(i);
                double[] got = r.<Double>getList(r.fieldIndex("label_probabilities")).stream().mapToDouble(Double::doubleValue).toArray();
                assertArrayEquals(expected.probabilities(i), got, TOLERANCE, "row id " + r.getLong(0));
                assertEquals(expected.label(i), r.getString(r.fieldIndex("label_prediction")), "row id " + r.getLong(0));
            }
            assertModelLoadedOncePerExecutor(scorer);
            scored.unpersist();
        }
    }

    @Test
    void regresses100kRowsAsPredictDoesInTheDriver() {
        try (NptModel model = ScoringFixtures.waveModel(150, 8, 2); NptSparkScorer scorer = NptSparkScorer.of(model)) {
            Dataset<Row> scored = scorer.score(ScoringFixtures.generated(spark, ROWS, PARTITIONS));
            assertEquals(List.of("id", "x1", "x2", "colour", "y_prediction"), List.of(scored.schema().fieldNames()));
            assertEquals(DataTypes.DoubleType, scored.schema().apply("y_prediction").dataType());

            warmUp(scorer);
            scored.persist();
            long start = System.nanoTime();
            long notFinite = scored.filter(expr("isnan(y_prediction) or abs(y_prediction) > 100")).count();
            double seconds = (System.nanoTime() - start) / 1e9;
            report("regression", seconds);
            assertEquals(0, notFinite);
            assertEquals(ROWS, scored.count());

            List<Row> sample = scored.filter(col("id").mod(SAMPLE_EVERY).equalTo(0)).orderBy("id").collectAsList();
            assertEquals(ROWS / SAMPLE_EVERY, sample.size());
            ValuePredictions expected = model.withThreads(1).predict(ScoringFixtures.table(sample, false)).values("y");
            for (int i = 0; i < sample.size(); i++) {
                Row r = sample.get(i);
                assertEquals(expected.value(i), r.getDouble(r.fieldIndex("y_prediction")), TOLERANCE, "row id " + r.getLong(0));
                // The column the model does not use passes through.
                assertEquals(r.getLong(0) % 101 == 0 ? null : ScoringFixtures.COLOURS[(int) (r.getLong(0) % 3)], r.getString(3));
            }
            scored.unpersist();
        }
    }

    /** Loads the model and PyTorch in both executors before the timed run, so that it measures steady scoring. */
    private static void warmUp(NptSparkScorer scorer) {
        assertEquals(4_000, scorer.score(ScoringFixtures.generated(spark, 4_000, PARTITIONS)).count());
    }

    private static void report(String what, double seconds) {
        System.out.printf(Locale.ROOT, "Spark scoring (%s): %,d rows in %.2f s on %d executors x 1 core = %,.0f rows/s per executor "
                + "(tiny model, e=8, 2 layers, 150 context rows; first run after a small warm-up, building Spark's cache of the "
                + "scored rows too; a shared, busy 2-core machine)%n",
                what, ROWS, seconds, EXECUTORS, ROWS / seconds / EXECUTORS);
    }

    /** Each executor that scored loaded the model once, though it ran several tasks of several jobs. */
    private static void assertModelLoadedOncePerExecutor(NptSparkScorer scorer) {
        String key = scorer.broadcastKey(spark.sparkContext());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> reports = sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).map(i -> {
            Thread.sleep(200);
            return ProcessHandle.current().pid() + "=" + ExecutorModels.loads(key);
        }).collect();
        Map<String, String> byExecutor = new HashMap<>();
        for (String r : reports) {
            byExecutor.put(r.split("=")[0], r.split("=")[1]);
        }
        assertFalse(byExecutor.isEmpty());
        List<String> loads = new ArrayList<>(byExecutor.values());
        assertTrue(loads.stream().allMatch(l -> l.equals("1")), "model loads per executor JVM: " + byExecutor);
    }
}
