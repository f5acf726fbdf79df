package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.UNLABELLED_ROWS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** Training rows without a target are unlabelled rows: in training as features, never in the context. */
class UnlabelledRowsTest {

    private static final int N = 60;
    private static final int LABELLED = 40;

    /** The rings with the labels of the last rows erased. */
    private static Table partlyLabelled() {
        Table rings = Fixtures.rings(N, 3);
        String[] labels = ((CategoricalColumn) rings.column("label")).values();
        for (int i = LABELLED; i < N; i++) {
            labels[i] = null;
        }
        return Table.builder().add(rings.column("x1")).add(rings.column("x2")).add(rings.column("colour"))
                .categorical("label", labels).build();
    }

    private static NptConfig config(boolean unlabelled) {
        return Fixtures.tiny().set(STEPS, 4).set(UNLABELLED_ROWS, unlabelled).build();
    }

    @Test
    void rowsWithoutATargetTrainAsUnlabelledRowsAndStayOutOfTheContext() {
        try (NptModel model = new NptTrainer(config(true)).fit(partlyLabelled(), "label")) {
            assertEquals(N - LABELLED, model.summary().testRows(), "every unlabelled row took part in training");
            assertEquals(LABELLED, model.summary().trainRows() + model.summary().validationRows());
            assertEquals(LABELLED, model.contextRowCount(), "only labelled rows are context");
        }
    }

    @Test
    void unlabelledRowsAreDroppedWhenTheSettingIsOff() {
        try (NptModel model = new NptTrainer(config(false)).fit(partlyLabelled(), "label")) {
            assertEquals(0, model.summary().testRows());
            assertEquals(LABELLED, model.contextRowCount());
        }
    }

    /** The context names its rows in the caller's numbering, wherever the unlabelled rows are and whether they train or not. */
    @Test
    void theContextSaysWhichOfTheCallersRowsItHolds() {
        Table rings = Fixtures.rings(N, 3);
        String[] labels = ((CategoricalColumn) rings.column("label")).values();
        for (int i = 0; i < N; i += 3) {
            labels[i] = null;
        }
        Table table = Table.builder().add(rings.column("x1")).add(rings.column("x2")).add(rings.column("colour"))
                .categorical("label", labels).build();
        int[] labelled = java.util.stream.IntStream.range(0, N).filter(i -> i % 3 != 0).toArray();
        for (boolean unlabelled : new boolean[] {true, false}) {
            try (TrainingSession session = new NptTrainer(config(unlabelled)).start(table, List.of("label"), null)) {
                assertArrayEquals(labelled, session.contextSourceRows(), "unlabelledRows " + unlabelled);
                session.advanceTo(1);
                try (NptModel model = session.finish()) {
                    assertEquals(table.selectRows(labelled).withoutRowWeights(), model.contextRows());
                }
            }
        }
    }

    @Test
    void droppingThemTrainsExactlyAsWithoutThem() {
        Table labelledOnly = partlyLabelled().selectRows(java.util.stream.IntStream.range(0, LABELLED).toArray());
        try (NptModel dropped = new NptTrainer(config(false)).fit(partlyLabelled(), "label");
                NptModel absent = new NptTrainer(config(false)).fit(labelledOnly, "label")) {
            assertArrayEquals(absent.weights(), dropped.weights());
        }
    }

    @Test
    void aTableWithoutAnyLabelIsRefusedByName() {
        Table none = partlyLabelled().selectRows(java.util.stream.IntStream.range(LABELLED, N).toArray());
        NptInputException e = assertThrows(NptInputException.class, () -> new NptTrainer(config(true)).fit(none, "label"));
        assertTrue(e.getMessage().contains("'label'") && e.getMessage().contains("no non-missing value"), e.getMessage());
    }

    @Test
    void givenTestRowsKeepTheirRoleWhenUnlabelledRowsAreOff() {
        RowRole[] roles = Fixtures.roles(N, RowRole.TRAIN);
        for (int i = LABELLED; i < N; i++) {
            roles[i] = RowRole.TEST;
        }
        try (NptModel model = new NptTrainer(config(false)).fit(partlyLabelled(), List.of("label"), roles)) {
            assertEquals(N - LABELLED, model.summary().testRows(), "rows the caller made test rows are not dropped");
        }
    }
}
