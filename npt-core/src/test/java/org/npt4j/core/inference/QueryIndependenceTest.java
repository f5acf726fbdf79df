package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;

import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * A row's prediction depends on the stored context only, not on the other rows scored with it:
 * Tribuo's and Weka's single-row and batch paths must agree.
 */
class QueryIndependenceTest {

    @Test
    void rowsScoredAloneOrTogetherGetTheSamePrediction() {
        // p_target < 1: context labels are visible at prediction, the case where queries could interact most.
        try (NptModel model = new NptTrainer(Fixtures.tiny().set(TARGET_MASK_PROBABILITY, 0.5).build())
                .fit(Fixtures.rings(80, 1), "label")) {
            Table queries = Fixtures.rings(12, 9);
            double[][] together = model.predict(queries).classes("label").probabilities();
            for (int i = 0; i < queries.rowCount(); i++) {
                double[] alone = model.predict(queries.selectRows(new int[] {i})).classes("label").probabilities(0);
                assertArrayEquals(together[i], alone, 1e-5, "row " + i);
            }
        }
    }
}
