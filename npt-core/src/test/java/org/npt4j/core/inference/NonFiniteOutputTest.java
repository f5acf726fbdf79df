package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.training.NptTrainer;

/** A NaN from the network is an error naming the column and row, never silently the first class. */
class NonFiniteOutputTest {

    @Test
    void nanOutputsAreRefusedNamingTheColumnAndRow() {
        try (NptModel model = new NptTrainer(Fixtures.tiny().set(STEPS, 1).build()).fit(Fixtures.rings(20, 1), "label")) {
            ColumnSpec label = model.schema().column(model.schema().targetIndices()[0]);
            assertDoesNotThrow(() -> ContextScorer.checkFinite(label, new double[][] {{0.3, 0.7}}));
            NptPredictionException e = assertThrows(NptPredictionException.class,
                    () -> ContextScorer.checkFinite(label, new double[][] {{0.3, 0.7}, {Double.NaN, Double.NaN}}));
            assertTrue(e.getMessage().contains("'label'") && e.getMessage().contains("row 1") && e.getMessage().contains("NaN"),
                    e.getMessage());
        }
    }
}
