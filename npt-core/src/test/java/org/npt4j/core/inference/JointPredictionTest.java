package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/** Joint prediction, the reference's evaluation: rows scored in one pass attend to one another. */
class JointPredictionTest {

    private static NptModel model;
    private static final Table QUERIES = Fixtures.rings(16, 9);

    @BeforeAll
    static void fit() {
        model = new NptTrainer(Fixtures.tiny().build()).fit(Fixtures.rings(60, 1), "label");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static double[][] jointly(Table rows) {
        return model.predictJointly(rows).classes("label").probabilities();
    }

    @Test
    void oneRowAloneIsScoredAsByPredict() {
        for (int i = 0; i < 3; i++) {
            Table one = QUERIES.selectRows(new int[] {i});
            assertArrayEquals(model.predict(one).classes("label").probabilities(0), jointly(one)[0], 1e-6, "row " + i);
        }
    }

    @Test
    void rowsScoredTogetherAttendToOneAnother() {
        double[][] joint = jointly(QUERIES);
        double[][] separate = model.predict(QUERIES).classes("label").probabilities();
        double largest = 0;
        for (int i = 0; i < joint.length; i++) {
            largest = Math.max(largest, Math.abs(joint[i][0] - separate[i][0]));
        }
        assertTrue(largest > 1e-6, "joint predictions equal the per-row ones: the rows did not see each other");
    }

    @Test
    void theOrderOfTheRowsDoesNotMatter() {
        int n = QUERIES.rowCount();
        double[][] forward = jointly(QUERIES);
        double[][] backward = jointly(QUERIES.selectRows(IntStream.range(0, n).map(i -> n - 1 - i).toArray()));
        for (int i = 0; i < n; i++) {
            assertArrayEquals(forward[i], backward[n - 1 - i], 1e-5, "row " + i);
        }
    }
}
