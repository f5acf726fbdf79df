package org.npt4j.core.training;

import java.util.List;
import java.util.random.RandomGenerator;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.masking.MaskedInputs;
import org.npt4j.core.masking.TableMasker;

/**
 * Batches of a fixed table, as the reference draws them: at the start of every epoch the masks
 * are redrawn over the whole table and the rows are split into batches; each step takes the next.
 */
final class TableEpochs implements TrainingBatches {

    private final TableMasker masker;
    private final EncodedTable truth;
    private final MiniBatcher batcher;
    private List<int[]> batches = List.of();
    private MaskedInputs masks;
    private int next;
    private int epochs;

    TableEpochs(TableMasker masker, EncodedTable truth, MiniBatcher batcher) {
        this.masker = masker;
        this.truth = truth;
        this.batcher = batcher;
    }

    @Override
    public MaskedBatch next(RandomGenerator rng) {
        if (next == batches.size()) {
            masks = masker.trainingDraw(rng);
            batches = batcher.plan(rng);
            next = 0;
            epochs++;
        }
        return MaskedBatch.of(masks, truth, batches.get(next++));
    }

    @Override
    public boolean epochComplete() {
        return next == batches.size();
    }

    @Override
    public int epochs() {
        return epochs;
    }
}
