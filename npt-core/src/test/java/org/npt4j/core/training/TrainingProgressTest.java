package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    private static TrainingProgress progress(double targetLoss) {
        return new TrainingProgress(3, 10, 3, 0.5, 0.25, targetLoss, 1e-3, 0.9, Double.NaN, Double.NaN,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO);
    }

    @Test
    void aLineSaysBothLossesOrOnlyTheFeatureLossWithoutATarget() {
        assertEquals("step 3/10 loss 0.5000 (features 0.2500, targets 0.7500) lr 1.00e-03 lambda 0.900 elapsed 2s eta 5s",
                progress(0.75).format());
        assertEquals("step 3/10 feature loss 0.2500 lr 1.00e-03 elapsed 2s eta 5s", progress(Double.NaN).format());
    }
}
