package org.npt4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;

/**
 * Spark applications run one after another in one JVM (local mode, test suites, notebooks) number
 * their broadcasts from 0 each time: the executor's model cache must not give the second
 * application's job the first application's model.
 */
class SuccessiveApplicationsTest {

    @Test
    void eachApplicationScoresWithItsOwnModel() {
        try (NptModel first = ScoringFixtures.ringsModel(60, 4, 2); NptModel second = ScoringFixtures.ringsModel(90, 4, 2)) {
            ClassPredictions a = scoreInNewApplication(first);
            ClassPredictions b = scoreInNewApplication(second);
            // The two models differ, so a model taken for the other would show.
            assertEquals(false, java.util.Arrays.deepEquals(a.probabilities(), b.probabilities()));
        }
    }

    /** @return the driver's predictions, after checking that the Spark job's match them */
    private static ClassPredictions scoreInNewApplication(NptModel model) {
        SparkSession spark = TestCluster.inProcess("npt-successive", 1);
        try (NptSparkScorer scorer = NptSparkScorer.of(model)) {
            List<Row> scored = scorer.score(ScoringFixtures.generated(spark, 20, 1)).orderBy("id").collectAsList();
            ClassPredictions expected = model.withThreads(1).predict(ScoringFixtures.table(scored, true)).classes("label");
            for (int i = 0; i < scored.size(); i++) {
                double[] got = scored.get(i).<Double>getList(5).stream().mapToDouble(Double::doubleValue).toArray();
                assertArrayEquals(expected.probabilities(i), got, 1e-6, "row " + i);
            }
            return expected;
        } finally {
            spark.stop();
        }
    }
}
