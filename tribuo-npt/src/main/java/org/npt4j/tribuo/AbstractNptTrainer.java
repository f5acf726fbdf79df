package org.npt4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.TrainingSummary;
import org.npt4j.core.training.NptSweep;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.core.training.SweepResult;
import org.npt4j.core.training.SweepVariant;
import org.npt4j.core.training.TrainingListener;
import org.tribuo.Dataset;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.WeightedExamples;
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
 * <p>Examples with an unknown output are NPT's unlabelled rows: their features take part in
 * training (with {@code unlabelledRows} and {@code semiSupervised} on, the defaults), their outputs
 * are never read, and the model's provenance records how many there were and whether they were used.
 *
 * <p>Example weights ({@link WeightedExamples}) scale each example's loss, on its output and on its
 * features alike: weight 2 counts about as much as a second copy of the example, and weight 0 leaves
 * it out of the loss while it stays an input and part of the context. Validation examples' weights
 * weight the validation loss that picks the checkpoint. Training runs one at a time per JVM, since
 * DJL allows one gradient collector per JVM; {@code train} itself may be called from any thread.
 *
 * @param <T> the output type
 */
public abstract class AbstractNptTrainer<T extends Output<T>> extends NptTrainerSettings<T>
        implements ValidatingTrainer<T>, SemiSupervisedTrainer<T>, WeightedExamples {

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

    @Config(description = "A sweep: NptVariant components, each trained on the same rows, the one with the lowest "
            + "validation target loss kept (the paper's per-split model selection). Empty trains the settings above once.")
    private List<NptVariant> variants = new ArrayList<>();

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
        this(outputClass, config, List.of());
    }

    /**
     * A sweep: each variant changes some of {@code config}'s settings; all train on the same rows
     * and the one with the lowest validation target loss is kept.
     *
     * @param outputClass the output type the trainer takes, for error messages
     * @param config every NPT setting, the variants' common base; its seed becomes the trainer's seed
     * @param variants the variants, in order; empty to train {@code config} alone
     */
    protected AbstractNptTrainer(Class<T> outputClass, NptConfig config, List<NptVariant> variants) {
        this.outputClass = outputClass;
        this.variants = new ArrayList<>(variants);
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
            throw new PropertyException("", "preset", "must be set (PAPER, CPU_FAST or CPU_QUICK)");
        }
        if (categoricalSeparator == null) {
            throw new PropertyException("", "categoricalSeparator", "must not be null; use an empty string to turn regrouping off");
        }
        if (loggingInterval < 0) {
            throw new PropertyException("", "loggingInterval", "must be 0 or more, found " + loggingInterval);
        }
        if (variants == null) {
            throw new PropertyException("", "variants", "must not be null; leave it empty to train without a sweep");
        }
        // Written back so that the fields (and provenance) hold every effective value in its one canonical spelling.
        assignSettings(configWithSeed(seed));
        try {
            if (!variants.isEmpty()) {
                new NptSweep(sweepVariants(seed));
            }
        } catch (NptConfigException e) {
            throw new PropertyException("", "variants", e.getMessage());
        }
        rng = new SplittableRandom(seed);
        trainInvocationCounter = 0;
    }

    /** @return the sweep's variants, empty when the trainer trains one configuration */
    public List<NptVariant> variants() {
        return List.copyOf(variants);
    }

    /** The sweep for an NPT seed; the variants' changes are checked against the trainer's settings. */
    private List<SweepVariant> sweepVariants(long nptSeed) {
        NptConfig base = configWithSeed(nptSeed);
        List<SweepVariant> out = new ArrayList<>();
        for (NptVariant v : variants) {
            out.add(v.apply(base));
        }
        return out;
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

    /**
     * Trains one variant of this trainer's sweep, as {@link #train(Dataset, Dataset, Map, TrainingListener)}
     * trains it inside the sweep: the same seed (drawn as a training draws it, so position the invocation
     * count first), the same rows in the same roles. With {@link #trainFromVariants} it lets a sweep's
     * variants train on different machines (the experiments' Spark executor) and still give the model an
     * uninterrupted sweep gives.
     *
     * @param examples the training examples
     * @param validation the validation examples, or null to hold out {@code validationFraction} of {@code examples}
     * @param variant the variant's index in {@link #variants()}
     * @return the variant's trained NPT
     * @throws IllegalStateException if this trainer has no sweep
     */
    public NptModel trainVariant(Dataset<T> examples, Dataset<T> validation, int variant) {
        requireSweep();
        Prepared<T> p = prepare(examples, validation, INCREMENT_INVOCATION_COUNT);
        return new NptSweep(sweepVariants(p.nptSeed()), progressLogger())
                .fitVariant(variant, p.data().table(), p.outputs().targetNames(), p.data().roles());
    }

    /**
     * The model {@link #train(Dataset, Dataset, Map, TrainingListener)} returns, from variants that were
     * trained apart by {@link #trainVariant} on the same examples at the same invocation count: the sweep
     * keeps the one with the lowest validation loss and records every variant's outcome.
     *
     * @param examples the training examples
     * @param validation the validation examples, or null
     * @param runProvenance extra provenance recorded with the model
     * @param variants every variant's model, in the order of {@link #variants()}
     * @return the trained model
     * @throws IllegalStateException if this trainer has no sweep
     */
    public NptTribuoModel<T> trainFromVariants(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance,
            List<NptModel> variants) {
        requireSweep();
        Prepared<T> p = prepare(examples, validation, INCREMENT_INVOCATION_COUNT);
        SweepResult result = new NptSweep(sweepVariants(p.nptSeed())).choose(variants);
        return model(p, examples, validation, runProvenance, result.model(), result);
    }

    private void requireSweep() {
        if (variants.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no sweep: it trains one configuration");
        }
    }

    /**
     * What a training draws and builds before NPT trains: the trainer's provenance and seed at this
     * invocation, the configuration, and the table.
     */
    private record Prepared<T extends Output<T>>(TrainerProvenance trainerProvenance, long nptSeed, NptConfig config,
            OutputColumns<T> outputs, TribuoTable<T> data) {}

    private Prepared<T> prepare(Dataset<T> examples, Dataset<T> validation, int invocationCount) {
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
        OutputColumns<T> outputs = OutputColumns.forDomain(examples.getOutputIDInfo());
        TribuoTable<T> data = TribuoTable.of(examples, validation, outputs, categoricalSeparator, absentFeaturesAreMissing);
        return new Prepared<>(trainerProvenance, nptSeed, config, outputs, data);
    }

    private NptTribuoModel<T> fit(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance,
            int invocationCount, TrainingListener listener) {
        Prepared<T> p = prepare(examples, validation, invocationCount);
        TribuoTable<T> data = p.data();
        LOG.info(() -> getClass().getSimpleName() + " training on " + examples.size() + " examples"
                + (data.unlabelled() == 0 ? "" : " (" + data.unlabelled() + " unlabelled)")
                + (validation == null ? "" : " with " + validation.size() + " validation examples") + ", "
                + data.layout().columnNames().size() + " feature columns " + data.layout() + "\n" + p.config().describe()
                + (variants.isEmpty() ? "" : "\nSweep over " + variants));
        TrainingListener progress = both(progressLogger(), listener);
        SweepResult sweep = null;
        NptModel npt;
        if (variants.isEmpty()) {
            npt = new NptTrainer(p.config(), progress).fit(data.table(), p.outputs().targetNames(), data.roles());
        } else {
            SweepResult result = new NptSweep(sweepVariants(p.nptSeed()), progress)
                    .fit(data.table(), p.outputs().targetNames(), data.roles());
            npt = result.model();
            sweep = result;
        }
        return model(p, examples, validation, runProvenance, npt, sweep);
    }

    /** The Tribuo model of a trained NPT (the sweep's choice, if {@code sweep} is not null), with its provenance. */
    private NptTribuoModel<T> model(Prepared<T> p, Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance,
            NptModel npt, SweepResult sweep) {
        if (sweep != null) {
            LOG.info(() -> "Sweep chose '" + sweep.chosenName() + "':\n" + sweep.describe());
        }
        TrainingSummary summary = npt.summary();
        LOG.info(() -> String.format("NPT trained in %.1f s: %d steps, best step %d, validation loss %.4f, device %s",
                summary.trainingMillis() / 1000.0, summary.steps(), summary.bestStep(), summary.bestValidationLoss(),
                summary.device()));
        Map<String, Provenance> instance = new ModelFacts(npt, p.nptSeed(), p.data().unlabelled(), sweep, validation).withRun(runProvenance);
        ModelProvenance provenance = new ModelProvenance(NptTribuoModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), p.trainerProvenance(), instance);
        return new NptTribuoModel<>("npt-model", provenance, examples.getFeatureIDMap(), examples.getOutputIDInfo(), p.data().layout(), npt);
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
        if (examples.getOutputIDInfo().size() == 0) {
            throw new IllegalArgumentException("Every example of the dataset has an unknown output; NPT needs labelled "
                    + "examples to learn from (unknown outputs are its unlabelled rows)");
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
