package org.npt4j.tribuo;

import org.npt4j.core.NptConfig;
import org.tribuo.classification.Label;

/**
 * Trains a Non-Parametric Transformer classifier on a {@code Dataset<Label>}. The model predicts
 * class probabilities, so Tribuo's evaluators report AUC as well.
 *
 * <pre>{@code
 * Trainer<Label> trainer = new NptClassificationTrainer(NptConfig.of(Preset.CPU_FAST));
 * NptTribuoModel<Label> model = (NptTribuoModel<Label>) trainer.train(dataset);
 * }</pre>
 *
 * In an OLCUT config: {@code <component name="npt" type="org.npt4j.tribuo.NptClassificationTrainer">}
 * with any of the settings as properties; see {@link AbstractNptTrainer}.
 */
public final class NptClassificationTrainer extends AbstractNptTrainer<Label> {

    /** For OLCUT, which sets the fields and then calls {@link #postConfig()}. */
    private NptClassificationTrainer() {
        super(Label.class);
    }

    /**
     * @param config every NPT setting; its seed becomes the trainer's seed (use {@code
     *     NptConfig.of(Preset.PAPER)} for a preset as it is)
     */
    public NptClassificationTrainer(NptConfig config) {
        super(Label.class, config);
    }
}
