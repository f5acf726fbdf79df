package org.npt4j.tribuo;

import java.util.List;
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

    /**
     * A sweep: every variant changes some of {@code config}'s settings, all train on the same rows,
     * and the one with the lowest validation target loss is kept.
     *
     * @param config the variants' common settings; its seed becomes the trainer's seed
     * @param variants the variants, in order
     */
    public NptClassificationTrainer(NptConfig config, List<NptVariant> variants) {
        super(Label.class, config, variants);
    }
}
