package org.npt4j.core.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.SchemaFitter;
import org.npt4j.core.encoding.TableEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** Which cells the model sees and is scored on in each mode, and that missing cells never count. */
class TableMaskerTest {

    /** 12 rows: x (numerical, row 3 missing), c (categorical, row 5 missing), y target (row 1 missing). */
    private static final Table TABLE = Table.builder()
            .numeric("x", new double[] {1, 2, 3, Double.NaN, 5, 6, 7, 8, 9, 10, 11, 12})
            .categorical("c", new String[] {"a", "b", "a", "b", "a", null, "a", "b", "a", "b", "a", "b"})
            .categorical("y", new String[] {"p", null, "p", "q", "p", "q", "p", "q", "p", "q", "p", "q"})
            .build();
    private static final RowRole[] ROLES = {
        RowRole.TRAIN, RowRole.TRAIN, RowRole.TRAIN, RowRole.TRAIN, RowRole.TRAIN, RowRole.TRAIN,
        RowRole.VALIDATION, RowRole.VALIDATION, RowRole.TEST, RowRole.TEST, RowRole.TRAIN, RowRole.TRAIN};

    private static EncodedTable truth() {
        TableSchema schema = SchemaFitter.fit(TABLE, List.of("y"), ROLES);
        boolean[] test = new boolean[ROLES.length];
        for (int i = 0; i < test.length; i++) {
            test[i] = ROLES[i] == RowRole.TEST;
        }
        return TableEncoder.encode(TABLE, schema, true).withTargetsHidden(test);
    }

    /** @return the masker's first {@code count} training draws from a generator seeded with {@code seed} */
    private static List<MaskedInputs> trainingDraws(TableMasker masker, long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        return Stream.generate(() -> masker.trainingDraw(rng)).limit(count).toList();
    }

    @Test
    void trainingNeverRevealsValidationOrTestTargetsAndNeverScoresMissingCells() {
        EncodedTable truth = truth();
        int y = 2;
        boolean someTrainTargetVisible = false;
        for (MaskedInputs in : trainingDraws(new TableMasker(truth, ROLES, 0.5, 0.5, 0.9), 4, 300)) {
            for (int i = 0; i < ROLES.length; i++) {
                if (ROLES[i] != RowRole.TRAIN) {
                    assertTrue(Float.isNaN(in.cells()[y][i]), "row " + i + " target must be masked");
                    assertFalse(in.targetScored()[y][i], "only training targets are scored in training");
                } else if (!Float.isNaN(in.cells()[y][i])) {
                    someTrainTargetVisible = true;
                }
                for (int j = 0; j < 3; j++) {
                    if (truth.isMissing(j, i)) {
                        assertFalse(in.featureScored()[j][i] || in.targetScored()[j][i], "missing cell scored at " + j + "," + i);
                        assertTrue(Float.isNaN(in.cells()[j][i]), "missing cell shown at " + j + "," + i);
                    }
                }
                assertFalse(in.featureScored()[y][i], "targets are not feature-masked");
            }
        }
        assertTrue(someTrainTargetVisible, "with p_target < 1 some training labels are inputs");
    }

    @Test
    void deterministicTargetMaskingHidesAndScoresEveryTrainingLabel() {
        EncodedTable truth = truth();
        MaskedInputs in = new TableMasker(truth, ROLES, 0.0, 1.0, 0.9).trainingDraw(new SplittableRandom(1));
        for (int i = 0; i < ROLES.length; i++) {
            assertTrue(Float.isNaN(in.cells()[2][i]));
            assertEquals(ROLES[i] == RowRole.TRAIN && !truth.isMissing(2, i), in.targetScored()[2][i], "row " + i);
            assertFalse(in.featureScored()[0][i]);
        }
    }

    @Test
    void evaluationScoresValidationTargetsOnlyAndShowsTrainingLabelsWhenStochastic() {
        EncodedTable truth = truth();
        MaskedInputs in = new TableMasker(truth, ROLES, 0.15, 0.5, 0.9).evaluationInputs();
        for (int i = 0; i < ROLES.length; i++) {
            assertEquals(ROLES[i] == RowRole.VALIDATION, in.targetScored()[2][i]);
            assertEquals(ROLES[i] == RowRole.TRAIN && !truth.isMissing(2, i), !Float.isNaN(in.cells()[2][i]), "row " + i);
            assertFalse(in.featureScored()[0][i] || in.featureScored()[1][i]);
        }
        MaskedInputs hidden = new TableMasker(truth, ROLES, 0.15, 1.0, 0.9).evaluationInputs();
        for (int i = 0; i < ROLES.length; i++) {
            assertTrue(Float.isNaN(hidden.cells()[2][i]), "p_target = 1 never shows a label");
        }
    }

    @Test
    void predictionShowsContextLabelsOnlyWhenStochasticAndNeverQueryLabels() {
        EncodedTable truth = truth();
        MaskedInputs visible = TableMasker.forPrediction(truth, 8, true);
        MaskedInputs hidden = TableMasker.forPrediction(truth, 8, false);
        for (int i = 0; i < ROLES.length; i++) {
            boolean query = i >= 8;
            assertEquals(query, visible.targetScored()[2][i]);
            if (query) {
                assertTrue(Float.isNaN(visible.cells()[2][i]));
            } else {
                assertEquals(truth.cell(2, i), visible.cells()[2][i], 0f);
            }
            assertTrue(Float.isNaN(hidden.cells()[2][i]));
            assertEquals(truth.cell(0, i), visible.cells()[0][i], 0f);
        }
    }

    @Test
    void imputationShowsQueryLabelsExactlyWhenContextLabelsAreShown() {
        EncodedTable truth = truth();
        MaskedInputs visible = TableMasker.forImputation(truth, 8, true);
        MaskedInputs hidden = TableMasker.forImputation(truth, 8, false);
        MaskedInputs predicted = TableMasker.forPrediction(truth, 8, true);
        for (int i = 0; i < ROLES.length; i++) {
            assertEquals(truth.cell(2, i), visible.cells()[2][i], 0f, "every label is an input when labels are visible");
            assertTrue(Float.isNaN(hidden.cells()[2][i]), "p_target = 1 never shows a label");
            for (int j : new int[] {0, 1}) {
                assertEquals(truth.cell(j, i), visible.cells()[j][i], 0f);
                assertEquals(predicted.cells()[j][i], hidden.cells()[j][i], 0f, "features are as in prediction");
            }
            for (int j = 0; j < 3; j++) {
                assertFalse(visible.targetScored()[j][i] || visible.featureScored()[j][i], "nothing is scored");
            }
        }
    }

    @Test
    void randomisedCellsAreScoredInputsHoldingAValidRandomValue() {
        EncodedTable truth = truth();
        int randomisedCategories = 0;
        int changedNumbers = 0;
        for (MaskedInputs in : trainingDraws(new TableMasker(truth, ROLES, 0.9, 0.5, 0.5), 2, 200)) {
            for (int i = 0; i < ROLES.length; i++) {
                if (in.featureScored()[1][i] && !Float.isNaN(in.cells()[1][i])) {
                    float v = in.cells()[1][i];
                    assertTrue(v == 0f || v == 1f, "a randomised category is a valid class index, got " + v);
                    randomisedCategories++;
                }
                if (in.featureScored()[0][i] && !Float.isNaN(in.cells()[0][i])) {
                    assertTrue(Float.isFinite(in.cells()[0][i]));
                    changedNumbers += in.cells()[0][i] != truth.cell(0, i) ? 1 : 0;
                }
            }
        }
        assertTrue(randomisedCategories > 0 && changedNumbers > 0,
                "some picked cells are randomised rather than masked: " + randomisedCategories + ", " + changedNumbers);
    }
}
