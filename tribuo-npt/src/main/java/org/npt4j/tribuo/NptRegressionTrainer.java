package org.npt4j.tribuo;

import java.util.List;
import org.npt4j.core.NptConfig;
import org.tribuo.regression.Regressor;

/**
 * Trains a Non-Parametric Transformer regressor on a {@code Dataset<Regressor>}. All dimensions of
 * a multi-dimensional regressor are predicted jointly by one model (each is a target column).
 *
 * <pre>{@code
 * Trainer<Regressor> trainer = new NptRegressionTrainer(NptConfig.of(Preset.CPU_FAST));
 * NptTribuoModel<Regressor> model = (NptTribuoModel<Regressor>) trainer.train(dataset);
 * }</pre>
 *
 * In an OLCUT config: {@code <component name="npt" type="org.npt4j.tribuo.NptRegressionTrainer">}
 * with any of the settings as properties; see {@link AbstractNptTrainer}.
 */
public final class NptRegressionTrainer extends AbstractNptTrainer<Regressor> {

    /** For OLCUT, which sets the fields and then calls {@link #postConfig()}. */
    private NptRegressionTrainer() {
        super(Regressor.class);
    }

    /**
     * @param config every NPT setting; its seed becomes the trainer's seed (use {@code
     *     NptConfig.of(Preset.PAPER)} for a preset as it is)
     */
    public NptRegressionTrainer(NptConfig config) {
        super(Regressor.class, config);
    }

    /**
     * A sweep: every variant changes some of {@code config}'s settings, all train on the same rows,
     * and the one with the lowest validation target loss is kept.
     *
     * @param config the variants' common settings; its seed becomes the trainer's seed
     * @param variants the variants, in order
     */
    public NptRegressionTrainer(NptConfig config, List<NptVariant> variants) {
        super(Regressor.class, config, variants);
    }
}
