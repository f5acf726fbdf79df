package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;

/** The per-split sweep: same rows for every variant, the lowest validation target loss kept. */
class NptSweepTest {

    private static final Table TABLE = Fixtures.rings(60, 5);
    private static final NptConfig BASE = Fixtures.tiny().set(STEPS, 6).build();

    @Test
    void aSweepOfOneIsAPlainFit() {
        SweepResult sweep = new NptSweep(List.of(new SweepVariant("only", BASE))).fit(TABLE, List.of("label"), null);
        try (NptModel swept = sweep.model(); NptModel plain = new NptTrainer(BASE).fit(TABLE, "label")) {
            assertArrayEquals(plain.weights(), swept.weights());
            assertEquals(0, sweep.chosen());
        }
    }

    @Test
    void keepsTheVariantWithTheLowestValidationLoss() {
        // A learning rate too small to move the weights in six steps cannot beat one that learns.
        NptConfig frozen = BASE.toBuilder().set(LEARNING_RATE, 1e-9).build();
        SweepResult sweep = new NptSweep(List.of(new SweepVariant("frozen", frozen), new SweepVariant("learning", BASE)))
                .fit(TABLE, List.of("label"), null);
        try (NptModel model = sweep.model()) {
            double frozenLoss = sweep.outcomes().get(0).summary().bestValidationLoss();
            double learningLoss = sweep.outcomes().get(1).summary().bestValidationLoss();
            int expected = learningLoss < frozenLoss ? 1 : 0;
            assertEquals(expected, sweep.chosen());
            assertEquals(Math.min(frozenLoss, learningLoss), model.summary().bestValidationLoss());
            assertEquals(sweep.outcomes().get(0).summary().validationRows(), sweep.outcomes().get(1).summary().validationRows());
            assertTrue(sweep.describe().lines().filter(l -> l.startsWith("*")).count() == 1, sweep.describe());
        }
    }

    @Test
    void variantsThatWouldSeeOtherRowsAreRefused() {
        NptConfig other = BASE.toBuilder().set(VALIDATION_FRACTION, 0.3).build();
        NptConfigException e = assertThrows(NptConfigException.class,
                () -> new NptSweep(List.of(new SweepVariant("a", BASE), new SweepVariant("b", other))));
        assertTrue(e.getMessage().contains("validationFraction"), e.getMessage());
        assertThrows(NptConfigException.class, () -> new NptSweep(List.of(new SweepVariant("a", BASE), new SweepVariant("a", BASE))));
        assertThrows(NptConfigException.class, () -> new NptSweep(List.of()));
    }

    @Test
    void aSweepWithoutValidationRowsIsRefused() {
        NptConfig none = BASE.toBuilder().set(VALIDATION_FRACTION, 0.0).build();
        NptInputException e = assertThrows(NptInputException.class,
                () -> new NptSweep(List.of(new SweepVariant("a", none))).fit(TABLE, List.of("label"), null));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }
}
