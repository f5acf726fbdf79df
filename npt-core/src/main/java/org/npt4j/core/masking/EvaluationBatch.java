package org.npt4j.core.masking;

import java.util.Arrays;
import org.npt4j.core.encoding.EncodedTable;

/**
 * A validation batch split for a forward pass that outputs only the rows the loss scores: the
 * whole batch, every row of it context, with the scored rows moved to its end, and those scored
 * rows on their own for the loss. The network is row-permutation equivariant, so moving rows
 * changes no row's output; asking for the tail rows only (the network's {@code OUTPUT_FROM})
 * skips the last row-attention layer's queries, and everything after it, for the other rows.
 *
 * @param whole the batch the network takes, unscored rows first
 * @param scored the rows whose target cells the loss scores, in the order they end {@code whole}
 */
public record EvaluationBatch(MaskedBatch whole, MaskedBatch scored) {

    /**
     * @param masked the masked working table
     * @param truth the unmasked working table the loss is scored against
     * @param rows the rows of this batch
     * @return the batch, scored rows last
     */
    public static EvaluationBatch of(MaskedInputs masked, EncodedTable truth, int[] rows) {
        int[] ordered = new int[rows.length];
        int unscored = 0;
        int scored = 0;
        for (int r : rows) {
            if (!targetScored(masked, r)) {
                ordered[unscored++] = r;
            }
        }
        for (int r : rows) {
            if (targetScored(masked, r)) {
                ordered[unscored + scored++] = r;
            }
        }
        return new EvaluationBatch(MaskedBatch.of(masked, truth, ordered),
                MaskedBatch.of(masked, truth, Arrays.copyOfRange(ordered, unscored, ordered.length)));
    }

    /** @return the first row of {@code whole} that is scored; the network's outputs are needed from there on */
    public int scoredFrom() {
        return whole.rowCount() - scored.rowCount();
    }

    private static boolean targetScored(MaskedInputs masked, int row) {
        for (boolean[] column : masked.targetScored()) {
            if (column[row]) {
                return true;
            }
        }
        return false;
    }
}
