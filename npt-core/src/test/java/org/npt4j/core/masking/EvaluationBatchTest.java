package org.npt4j.core.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.SchemaFitter;
import org.npt4j.core.encoding.TableEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** A validation batch puts its scored rows last, keeps every row, and scores the same cells. */
class EvaluationBatchTest {

    private static final Table TABLE = Table.builder()
            .numeric("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8})
            .categorical("y", new String[] {"p", "q", "p", "q", null, "q", "p", "q"})
            .build();
    /** Row 4 is a validation row with a missing label: nothing of it is scored. */
    private static final RowRole[] ROLES = {
        RowRole.TRAIN, RowRole.VALIDATION, RowRole.TRAIN, RowRole.VALIDATION,
        RowRole.VALIDATION, RowRole.TRAIN, RowRole.TEST, RowRole.VALIDATION};

    @Test
    void scoredRowsEndTheBatchInTheirOrderAndAreScoredAsBefore() {
        TableSchema schema = SchemaFitter.fit(TABLE, List.of("y"), ROLES);
        EncodedTable truth = TableEncoder.encode(TABLE, schema, true)
                .withTargetsHidden(new boolean[] {false, false, false, false, false, false, true, false});
        MaskedInputs inputs = new TableMasker(truth, ROLES, 0, 1.0, 1.0).evaluationInputs();
        int[] rows = {7, 0, 1, 2, 3, 4, 5, 6};
        MaskedBatch plain = MaskedBatch.of(inputs, truth, rows);
        EvaluationBatch batch = EvaluationBatch.of(inputs, truth, rows);

        assertEquals(rows.length, batch.whole().rowCount());
        assertEquals(5, batch.scoredFrom());
        assertEquals(3, batch.scored().rowCount());
        assertEquals(plain.targetWeightSum(), batch.scored().targetWeightSum());
        // x of the whole batch in order: unscored rows 0, 2, 4, 5, 6, then scored rows 7, 1, 3.
        assertArrayEquals(MaskedBatch.of(inputs, truth, new int[] {0, 2, 4, 5, 6, 7, 1, 3}).inputs()[0], batch.whole().inputs()[0]);
        assertArrayEquals(MaskedBatch.of(inputs, truth, new int[] {7, 1, 3}).truths()[1], batch.scored().truths()[1]);
    }
}
