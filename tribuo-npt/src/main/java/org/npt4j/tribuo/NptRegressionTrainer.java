package org.npt4j.tribuo;

import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;

/**
 * Trains a Non-Parametric Transformer regressor on a {@code Dataset<Regressor>}. All dimensions of
 * a multi-dimensional regressor are predicted jointly by one model (each is a target column).
 *
 * <pre>{@code
 * Trainer<Regressor> trainer = new NptRegressionTrainer(Preset.CPU_FAST);
 * NptTribuoModel<Regressor> model = (NptTribuoModel<Regressor>) trainer.train(dataset);
 * }</pre>
 *
 * In an OLCUT config: {@code <component name="npt" type="org.npt4j.tribuo.NptRegressionTrainer">}
 * with any of the settings as properties; see {@link AbstractNptTrainer}.
 */
public final class NptRegressionTrainer extends AbstractNptTrainer<Regressor> {

    /** For OLCUT. */
    private NptRegressionTrainer() {}

    /**
     * @param preset the settings to use
     */
    public NptRegressionTrainer(Preset preset) {
        super(preset, Trainer.DEFAULT_SEED);
    }

    /**
     * @param preset the settings to use
     * @param seed the trainer's seed
     */
    public NptRegressionTrainer(Preset preset, long seed) {
        super(preset, seed);
    }

    /**
     * @param config every NPT setting; its seed becomes the trainer's seed
     */
    public NptRegressionTrainer(NptConfig config) {
        super(config);
    }

    @Override
    protected Class<Regressor> outputClass() {
        return Regressor.class;
    }
}
