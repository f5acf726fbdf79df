package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.inference.NptModel;

/** The validation pass computes only the scored rows' outputs, and scores what the full pass scores. */
class ValidationPassTest {

    @Test
    void narrowedPassScoresAsTheFullPassAtEveryStep() {
        for (int batchSize : new int[] {0, 50}) {
            NptConfig config = Fixtures.tiny().set(STEPS, 6).set(EVALUATION_INTERVAL, 1).set(VALIDATION_FRACTION, 0.2)
                    .set(BATCH_SIZE, batchSize).set(PREDICTION_BATCH_SIZE, 10).build();
            List<Double> narrowed = validationLosses(config);
            List<Double> full = Fixtures.withProperty(TrainingRun.FULL_VALIDATION_PASS, "true", () -> validationLosses(config));
            assertEquals(full.size(), narrowed.size());
            for (int i = 0; i < full.size(); i++) {
                assertEquals(full.get(i), narrowed.get(i), 1e-5 * Math.max(1, Math.abs(full.get(i))),
                        "validation loss at evaluation " + i + ", batch size " + batchSize);
            }
        }
    }

    private static List<Double> validationLosses(NptConfig config) {
        List<Double> losses = new ArrayList<>();
        NptTrainer trainer = new NptTrainer(config, p -> {
            if (p.evaluated()) {
                losses.add(p.validationLoss());
            }
        });
        try (NptModel model = trainer.fit(Fixtures.rings(120, 3), List.of("label"), null)) {
            return losses;
        }
    }
}
