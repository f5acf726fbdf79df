package org.npt4j.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Map;
import org.npt4j.core.training.TrainingListener;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * A Tribuo trainer that takes the caller's validation set (to choose a checkpoint, say) and tells a
 * listener of each training step, as an experiment runner needs to give every trainer the same
 * splits and show progress. Runners call this in place of {@link Trainer#train(Dataset, Map)}
 * when a trainer implements it.
 *
 * @param <T> the output type
 */
public interface ValidatingTrainer<T extends Output<T>> extends Trainer<T> {

    /**
     * @param examples the training examples
     * @param validation the validation examples, or null to let the trainer hold out its own
     * @param runProvenance extra provenance recorded with the model
     * @param listener told of every training step; {@link TrainingListener#NONE} for none
     * @return the trained model
     */
    Model<T> train(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance,
            TrainingListener listener);
}
