package org.npt4j.tribuo;

import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Trains a Non-Parametric Transformer classifier on a {@code Dataset<Label>}. The model predicts
 * class probabilities, so Tribuo's evaluators report AUC as well.
 *
 * <pre>{@code
 * Trainer<Label> trainer = new NptClassificationTrainer(Preset.CPU_FAST);
 * NptTribuoModel<Label> model = (NptTribuoModel<Label>) trainer.train(dataset);
 * }</pre>
 *
 * In an OLCUT config: {@code <component name="npt" type="org.npt4j.tribuo.NptClassificationTrainer">}
 * with any of the settings as properties; see {@link AbstractNptTrainer}.
 */
public final class NptClassificationTrainer extends AbstractNptTrainer<Label> {

    /** For OLCUT. */
    private NptClassificationTrainer() {}

    /**
     * @param preset the settings to use
     */
    public NptClassificationTrainer(Preset preset) {
        super(preset, Trainer.DEFAULT_SEED);
    }

    /**
     * @param preset the settings to use
     * @param seed the trainer's seed
     */
    public NptClassificationTrainer(Preset preset, long seed) {
        super(preset, seed);
    }

    /**
     * @param config every NPT setting; its seed becomes the trainer's seed
     */
    public NptClassificationTrainer(NptConfig config) {
        super(config);
    }

    @Override
    protected Class<Label> outputClass() {
        return Label.class;
    }
}
