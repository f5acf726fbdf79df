package org.npt4j.core.training;

import java.util.random.RandomGenerator;
import org.npt4j.core.masking.MaskedBatch;

/**
 * Supplies the masked batch of each training step. The standard source is {@link TableEpochs};
 * other sources (synthetic data drawn afresh every step, for behavioural checks) plug into the
 * same training loop.
 */
interface TrainingBatches {

    /**
     * @param rng the run's random source
     * @return the next step's batch
     */
    MaskedBatch next(RandomGenerator rng);

    /** @return whether the batch last returned completed an epoch */
    boolean epochComplete();

    /** @return the number of epochs started so far */
    int epochs();
}
