package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.LOOKAHEAD_STEPS;
import static org.npt4j.core.Settings.LR_SCHEDULE;
import static org.npt4j.core.Settings.PATIENCE;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.STEPS;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.LearningRateSchedule;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;

/**
 * A fit stopped after N steps and continued for M more gives the model of N + M steps in one go,
 * bit for bit: in the same process, and through a saved {@link TrainingState}. The tiny settings
 * anneal the learning rate, anneal λ, use dropout, Lookahead (every 4 steps, so that a stop falls
 * between synchronisations) and validation passes, so each piece of state is exercised.
 */
class TrainingSessionTest {

    private static final Table TABLE = Fixtures.rings(60, 3);
    /** Mini-batches of 16 rows: stops fall inside an epoch, where the batch order must carry on. */
    private static final NptConfig CONFIG = Fixtures.tiny().set(STEPS, 24).set(LOOKAHEAD_STEPS, 4)
            .set(BATCH_SIZE, 16).set(PREDICTION_BATCH_SIZE, 8).set(LR_SCHEDULE, LearningRateSchedule.FLAT_AND_ANNEAL).build();

    @Test
    void stepsThenMoreStepsEqualTheWholeFitInOneGo() {
        try (NptModel whole = new NptTrainer(CONFIG).fit(TABLE, "label")) {
            NptModel continued;
            try (TrainingSession session = new NptTrainer(CONFIG).start(TABLE, List.of("label"), null)) {
                session.advanceTo(9);
                assertEquals(9, session.stepsDone());
                session.advanceTo(9);
                session.advanceTo(24);
                continued = session.finish();
            }
            try (continued) {
                assertArrayEquals(whole.weights(), continued.weights());
                assertEquals(whole.summary().bestStep(), continued.summary().bestStep());
                assertEquals(whole.summary().finalLoss(), continued.summary().finalLoss());
            }
        }
    }

    @Test
    void aSavedStateContinuesAsIfTrainingHadNotStopped() {
        byte[] saved;
        try (TrainingSession session = new NptTrainer(CONFIG).start(TABLE, List.of("label"), null)) {
            session.advanceTo(11);
            saved = session.state().toBytes();
        }
        TrainingState state = TrainingState.fromBytes(saved);
        assertEquals(11, state.step());
        assertEquals(CONFIG, state.config());
        try (NptModel whole = new NptTrainer(CONFIG).fit(TABLE, "label");
                TrainingSession resumed = new NptTrainer(state.config()).resume(state, TABLE, List.of("label"), null)) {
            assertEquals(11, resumed.stepsDone());
            resumed.advanceTo(resumed.plannedSteps());
            try (NptModel continued = resumed.finish()) {
                assertArrayEquals(whole.weights(), continued.weights());
                assertEquals(24, continued.summary().steps());
            }
        }
    }

    @Test
    void earlyStoppingEndsTrainingTheSameWayWhenContinued() {
        NptConfig patient = CONFIG.toBuilder().set(STEPS, 240).set(PATIENCE, 1).build();
        try (NptModel whole = new NptTrainer(patient).fit(TABLE, "label")) {
            int stopped = whole.summary().steps();
            assertTrue(stopped < 240, "stopped at " + stopped);
            assertTrue(whole.summary().bestStep() < stopped);
            TrainingState state;
            try (TrainingSession session = new NptTrainer(patient).start(TABLE, List.of("label"), null)) {
                session.advanceTo(stopped - 3);
                assertFalse(session.stoppedEarly());
                state = session.state();
            }
            try (TrainingSession resumed = new NptTrainer(patient).resume(state, TABLE, List.of("label"), null)) {
                resumed.advanceTo(240);
                assertTrue(resumed.stoppedEarly());
                assertEquals(stopped, resumed.stepsDone());
                try (NptModel continued = resumed.finish()) {
                    assertArrayEquals(whole.weights(), continued.weights());
                }
            }
        }
        try (NptModel impatient = new NptTrainer(CONFIG.toBuilder().set(STEPS, 240).set(PATIENCE, 0).build()).fit(TABLE, "label")) {
            assertEquals(240, impatient.summary().steps(), "patience 0 trains every step");
        }
    }

    @Test
    void stoppingEarlyGivesAModelOfTheStepsTrained() {
        try (TrainingSession session = new NptTrainer(CONFIG).start(TABLE, List.of("label"), null)) {
            session.advanceTo(7);
            try (NptModel early = session.finish();
                    NptModel whole = new NptTrainer(CONFIG).fit(TABLE, "label")) {
                assertEquals(7, early.summary().steps());
                assertFalse(Arrays.equals(whole.weights(), early.weights()));
            }
            assertThrows(IllegalStateException.class, () -> session.advanceTo(8));
        }
    }

    @Test
    void aSessionTrainsNoFurtherThanItsSchedulesWerePlanned() {
        try (TrainingSession session = new NptTrainer(CONFIG).start(TABLE, List.of("label"), null)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.advanceTo(25));
            assertTrue(e.getMessage().contains("steps = 24"), e.getMessage());
            assertTrue(e.getMessage().contains("start again with steps = 25"), e.getMessage());
        }
    }

    @Test
    void aStateContinuesOnlyOnItsOwnDataAndSettings() {
        TrainingState state;
        try (TrainingSession session = new NptTrainer(CONFIG).start(TABLE, List.of("label"), null)) {
            session.advanceTo(3);
            state = session.state();
        }
        Table other = Fixtures.rings(60, 4);
        NptInputException e = assertThrows(NptInputException.class,
                () -> new NptTrainer(CONFIG).resume(state, other, List.of("label"), null));
        assertTrue(e.getMessage().contains("not the one this training state learned from"), e.getMessage());
        NptConfig longer = CONFIG.toBuilder().set(STEPS, 30).build();
        assertThrows(IllegalArgumentException.class, () -> new NptTrainer(longer).resume(state, TABLE, List.of("label"), null));
        assertThrows(NptInputException.class, () -> TrainingState.fromBytes(new byte[] {1, 2, 3}));
        byte[] whole = state.toBytes();
        TrainingState cut = TrainingState.fromBytes(Arrays.copyOf(whole, whole.length - 100));
        try (TrainingSession truncated = new NptTrainer(CONFIG).resume(cut, TABLE, List.of("label"), null)) {
            NptInputException damaged = assertThrows(NptInputException.class, () -> truncated.advanceTo(4));
            assertTrue(damaged.getMessage().contains("training state is damaged"), damaged.getMessage());
        }
    }
}
