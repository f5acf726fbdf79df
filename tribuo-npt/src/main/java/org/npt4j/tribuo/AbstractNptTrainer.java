package org.npt4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.core.training.TrainingListener;
import org.npt4j.core.inference.TrainingSummary;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * The shared part of NPT's Tribuo trainers: the preset, seeding and invocation counting as
 * Tribuo's own trainers do them, and the path from a Tribuo dataset to a fitted {@link
 * NptTribuoModel}. Every NPT setting is an OLCUT {@code @Config} field of {@link NptTrainerSettings},
 * generated from npt-core's {@link Settings}.
 *
 * <p>Settings left unset take their value from {@link #preset} ({@link Preset#CPU_FAST} unless
 * chosen otherwise); after {@link #postConfig()} every field holds its effective value, so the
 * provenance records all of them. Tribuo's {@link #seed} drives training: each call to
 * {@code train} draws NPT's seed from a {@link SplittableRandom} split, so the n-th model of a
 * trainer is reproducible from its provenance (which records n).
 *
 * <p>Example weights are not used. Training runs one at a time per JVM, since DJL allows one
 * gradient collector per JVM; {@code train} itself may be called from any thread.
 *
 * @param <T> the output type
 */
public abstract class AbstractNptTrainer<T extends Output<T>> extends NptTrainerSettings<T> implements ValidatingTrainer<T> {

    private static final Logger LOG = Logger.getLogger(AbstractNptTrainer.class.getName());

    @Config(description = Preset.DESCRIPTION)
    private Preset preset = Preset.CPU_FAST;

    @Config(description = "Seed of the trainer's random stream; each training run draws NPT's seed from it.")
    private long seed = Trainer.DEFAULT_SEED;

    @Config(description = "Separator between field and value in one-hot feature names (field@value); such groups "
            + "become one categorical column. Empty turns regrouping off.")
    private String categoricalSeparator = "@";

    @Config(description = "Treat a numeric feature absent from an example as a missing cell that NPT masks, "
            + "instead of as 0 (Tribuo's sparse convention).")
    private boolean absentFeaturesAreMissing = false;

    @Config(description = "Log training progress every this many steps; 0 logs only the start and end.")
    private int loggingInterval = 50;

    private SplittableRandom rng;
    private int trainInvocationCounter;

    private final Class<T> outputClass;

    /**
     * For OLCUT, which sets the fields and then calls {@link #postConfig()}.
     *
     * @param outputClass the output type the trainer takes, for error messages
     */
    protected AbstractNptTrainer(Class<T> outputClass) {
        this.outputClass = outputClass;
    }

    /**
     * Every setting takes the configuration's value, so the preset (left at its default) fills
     * nothing; provenance records each value.
     *
     * @param outputClass the output type the trainer takes, for error messages
     * @param config every NPT setting; its seed becomes the trainer's seed
     */
    protected AbstractNptTrainer(Class<T> outputClass, NptConfig config) {
        this.outputClass = outputClass;
        assignSettings(config);
        this.seed = config.get(Settings.SEED);
        postConfig();
    }

    /**
     * Fills unset settings from the preset and checks the whole configuration.
     *
     * @throws PropertyException naming the field if a setting is impossible
     */
    @Override
    public synchronized void postConfig() {
        if (preset == null) {
            throw new PropertyException("", "preset", "must be set (PAPER or CPU_FAST)");
        }
        if (categoricalSeparator == null) {
            throw new PropertyException("", "categoricalSeparator", "must not be null; use an empty string to turn regrouping off");
        }
        if (loggingInterval < 0) {
            throw new PropertyException("", "loggingInterval", "must be 0 or more, found " + loggingInterval);
        }
        // Written back so that the fields (and provenance) hold every effective value in its one canonical spelling.
        assignSettings(configWithSeed(seed));
        rng = new SplittableRandom(seed);
        trainInvocationCounter = 0;
    }

    /** @return the NPT configuration this trainer uses, with the trainer's seed */
    public NptConfig nptConfig() {
        return configWithSeed(seed);
    }

    /**
     * @return the configuration the fields describe, with the given NPT seed
     * @throws PropertyException naming the field if the settings are impossible
     */
    private NptConfig configWithSeed(long nptSeed) {
        try {
            return applySettings(NptConfig.builder(preset)).set(Settings.SEED, nptSeed).build();
        } catch (NptConfigException e) {
            throw new PropertyException("", e.field(), e.getMessage());
        }
    }

    @Override
    public NptTribuoModel<T> train(Dataset<T> examples) {
        return train(examples, Map.of());
    }

    @Override
    public NptTribuoModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public NptTribuoModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        return fit(examples, null, runProvenance, invocationCount, TrainingListener.NONE);
    }

    /**
     * Trains with a validation set chosen by the caller instead of the {@code validationFraction}
     * NPT would otherwise hold out of {@code examples}: the protocol of the NPT paper, in which a
     * fixed validation split picks the best checkpoint. Validation rows join the training rows as
     * the model's prediction context, as in the reference.
     *
     * @param examples the training examples
     * @param validation the validation examples, or null to hold out {@code validationFraction} of {@code examples}
     * @param runProvenance extra provenance recorded with the model
     * @param listener told of every training step (for a progress display), besides the trainer's own logging
     * @return the trained model
     */
    @Override
    public NptTribuoModel<T> train(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance,
            TrainingListener listener) {
        return fit(examples, validation, runProvenance, INCREMENT_INVOCATION_COUNT, listener);
    }

    private NptTribuoModel<T> fit(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance,
            int invocationCount, TrainingListener listener) {
        check(examples);
        if (validation != null) {
            checkValidation(validation);
        }
        SplittableRandom localRng;
        TrainerProvenance trainerProvenance;
        synchronized (this) {
            if (invocationCount != INCREMENT_INVOCATION_COUNT) {
                setInvocationCount(invocationCount);
            }
            localRng = rng.split();
            trainerProvenance = getProvenance();
            trainInvocationCounter++;
        }
        long nptSeed = localRng.nextLong();
        NptConfig config = configWithSeed(nptSeed);

        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<T> outputInfo = examples.getOutputIDInfo();
        OutputColumns<T> outputs = OutputColumns.forDomain(outputInfo);
        List<String> featureNames = new ArrayList<>(featureMap.size());
        for (int id = 0; id < featureMap.size(); id++) {
            featureNames.add(featureMap.get(id).getName());
        }
        FeatureLayout layout = FeatureLayout.infer(featureNames, examples, categoricalSeparator, absentFeaturesAreMissing);
        OutputColumns.checkNoClash(layout.columnNames());
        List<Example<T>> rows = new ArrayList<>(examples.getData());
        RowRole[] roles = null;
        if (validation != null) {
            rows.addAll(validation.getData());
            roles = RowRoles.filled(rows.size(), RowRole.TRAIN);
            Arrays.fill(roles, examples.size(), rows.size(), RowRole.VALIDATION);
        }
        Table.Builder table = Table.builder();
        layout.addColumns(table, rows);
        outputs.addTargets(table, rows);

        LOG.info(() -> getClass().getSimpleName() + " training on " + examples.size() + " examples"
                + (validation == null ? "" : " with " + validation.size() + " validation examples") + ", "
                + layout.columnNames().size() + " feature columns " + layout + "\n" + config.describe());
        NptModel npt = new NptTrainer(config, both(progressLogger(), listener)).fit(table.build(), outputs.targetNames(), roles);
        TrainingSummary summary = npt.summary();
        LOG.info(() -> String.format("NPT trained in %.1f s: %d steps, best step %d, validation loss %.4f, device %s",
                summary.trainingMillis() / 1000.0, summary.steps(), summary.bestStep(), summary.bestValidationLoss(),
                summary.device()));

        Map<String, Provenance> instance = instanceProvenance(runProvenance, npt, nptSeed);
        if (validation != null) {
            instance.put("npt-validation-data", validation.getProvenance());
        }
        ModelProvenance provenance = new ModelProvenance(NptTribuoModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, instance);
        return new NptTribuoModel<>("npt-model", provenance, featureMap, outputInfo, layout, npt);
    }

    private static TrainingListener both(TrainingListener a, TrainingListener b) {
        if (b == null || b == TrainingListener.NONE) {
            return a;
        }
        if (a == TrainingListener.NONE) {
            return b;
        }
        return p -> {
            a.onProgress(p);
            b.onProgress(p);
        };
    }

    private void checkValidation(Dataset<T> validation) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("The validation dataset is empty; pass null to let NPT hold out "
                    + "validationFraction of the training examples instead");
        }
        if (validation.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The validation dataset has " + validation.getOutputInfo().getUnknownCount()
                    + " examples with unknown outputs; checkpoint selection needs every output");
        }
    }

    private void check(Dataset<T> examples) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("Cannot train NPT on an empty dataset");
        }
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The dataset has " + examples.getOutputInfo().getUnknownCount()
                    + " examples with unknown outputs; NPT is supervised and needs every output");
        }
        Class<?> found = examples.getOutputIDInfo().getDomain().iterator().next().getClass();
        if (!outputClass.isAssignableFrom(found)) {
            // Name the public output type (Regressor), not an inner one (Regressor.DimensionTuple).
            while (found.getSuperclass() != null && Output.class.isAssignableFrom(found.getSuperclass())) {
                found = found.getSuperclass();
            }
            throw new IllegalArgumentException(getClass().getSimpleName() + " trains on " + outputClass.getSimpleName()
                    + " outputs, but the dataset's outputs are " + found.getSimpleName());
        }
        if (examples.getFeatureIDMap().size() == 0) {
            throw new IllegalArgumentException("The dataset has no features");
        }
    }

    private TrainingListener progressLogger() {
        if (loggingInterval == 0) {
            return TrainingListener.NONE;
        }
        return p -> {
            if (p.step() % loggingInterval == 0 || p.step() == p.totalSteps()) {
                LOG.info(p::format);
            }
        };
    }

    /** Run provenance, plus what the model's results depend on beyond the trainer's fields. */
    private static Map<String, Provenance> instanceProvenance(Map<String, Provenance> runProvenance, NptModel npt, long nptSeed) {
        Map<String, Provenance> out = new HashMap<>(runProvenance);
        TrainingSummary s = npt.summary();
        out.put("npt-seed", new LongProvenance("npt-seed", nptSeed));
        out.put("npt-device", new StringProvenance("npt-device", s.device()));
        out.put("djl-version", new StringProvenance("djl-version", ai.djl.engine.Engine.getDjlVersion()));
        out.put("pytorch-version", new StringProvenance("pytorch-version", ai.djl.engine.Engine.getEngine("PyTorch").getVersion()));
        out.put("npt-configuration", new StringProvenance("npt-configuration", npt.config().toMap().toString()));
        out.put("npt-best-step", new LongProvenance("npt-best-step", s.bestStep()));
        return out;
    }

    @Override
    public synchronized int getInvocationCount() {
        return trainInvocationCounter;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("The invocation count must be 0 or more, found " + invocationCount);
        }
        rng = new SplittableRandom(seed);
        for (int i = 0; i < invocationCount; i++) {
            rng.split();
        }
        trainInvocationCounter = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(preset=" + preset + ",seed=" + seed + "," + nptConfig().toMap() + ")";
    }
}
