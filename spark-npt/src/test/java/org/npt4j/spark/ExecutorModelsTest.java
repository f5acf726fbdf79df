package org.npt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.inference.NptModel;

/** The executor's model cache and the scorer's broadcast: loaded once, bounded, removed on close. In-process Spark. */
class ExecutorModelsTest {

    private static SparkSession spark;
    private static NptModel model;

    @BeforeAll
    static void start() {
        spark = TestCluster.inProcess("npt-executor-models", 1);
        model = ScoringFixtures.ringsModel(40, 4, 2);
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

    @Test
    void aModelIsLoadedOncePerThreadCountAndTheLeastRecentlyUsedIsDroppedBeyondTheCapacity() {
        SparkContext sc = spark.sparkContext();
        byte[] bytes = model.toBytes();
        BroadcastModel first = new ModelBroadcast(bytes).in(sc);
        NptModel loaded = ExecutorModels.get(first, 1);
        assertSame(loaded, ExecutorModels.get(first, 1));
        assertEquals(1, ExecutorModels.loads(first.key()));
        ExecutorModels.get(first, 2);
        assertEquals(2, ExecutorModels.loads(first.key()), "another thread count is another model");

        List<ModelBroadcast> others = new ArrayList<>();
        for (int i = 0; i < ExecutorModels.CAPACITY; i++) {
            ModelBroadcast other = new ModelBroadcast(bytes);
            others.add(other);
            ExecutorModels.get(other.in(sc), 1);
        }
        ExecutorModels.get(first, 1);
        assertEquals(3, ExecutorModels.loads(first.key()), "dropped once four other models came, so loaded again");
        others.forEach(ModelBroadcast::destroy);
    }

    @Test
    void closingTheScorerRemovesItsBroadcastAndALaterScoringBroadcastsAgain() {
        NptSparkScorer scorer = NptSparkScorer.of(model);
        String before = scorer.broadcastKey(spark.sparkContext());
        assertEquals(before, scorer.broadcastKey(spark.sparkContext()), "broadcast once");
        assertEquals(before, scorer.withBatchSize(3).broadcastKey(spark.sparkContext()), "copies share the broadcast");
        scorer.close();
        String after = scorer.broadcastKey(spark.sparkContext());
        assertNotEquals(before, after);
        assertEquals(10, scorer.score(ScoringFixtures.generated(spark, 10, 1)).count());
        scorer.close();
    }
}
