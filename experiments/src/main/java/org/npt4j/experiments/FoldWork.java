package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npt4j.core.training.TrainingListener;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.report.PredictionsCsv;
import org.npt4j.experiments.report.ResultFiles;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;
import org.npt4j.experiments.score.Scorer;
import org.npt4j.core.inference.NptModel;
import org.npt4j.tribuo.AbstractNptTrainer;
import org.npt4j.tribuo.NptTribuoModel;
import org.npt4j.tribuo.NptVariant;
import org.npt4j.tribuo.ValidatingTrainer;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;

/**
 * Trains and scores one (split, trainer) and returns what the run records of it ({@link FoldOutput}),
 * writing nothing: the same code whichever JVM runs the job, so that a job run by Spark gives what an
 * in-process run gives.
 *
 * <p>Before training, the trainer's invocation count is set to the split's index, the count it has
 * when it trains on every split in order (Tribuo's convention for reproducing a trainer's random draws:
 * NPT's trainer draws each training's seed from it). A model therefore depends only on its split, not
 * on which jobs this JVM ran before, so resumed and distributed runs train the models an uninterrupted
 * in-process one would. A trainer that fails becomes a failed result, so the other jobs go on.
 */
public final class FoldWork {

    private static final Logger LOG = Logger.getLogger(FoldWork.class.getName());

    private final Experiment experiment;
    private final TableSource source;
    private final String dataFile;
    private final List<String> names;
    private final JsonProvenanceSerialization json = new JsonProvenanceSerialization(true);

    /**
     * @param experiment the experiment
     * @param source the data set the jobs run on, one of the experiment's
     * @param dataFile the data set's file as the run names it, recorded in each model's provenance
     * @param names a display name per trainer, aligned with {@link Experiment#trainers()}
     */
    public FoldWork(Experiment experiment, TableSource source, String dataFile, List<String> names) {
        this.experiment = experiment;
        this.source = source;
        this.dataFile = dataFile;
        this.names = List.copyOf(names);
    }

    /** @return the data set the jobs run on */
    public TableSource source() {
        return source;
    }

    /**
     * @param trainer the trainer's index
     * @param split the split, one of the experiment's splits of this data set
     * @param steps where NPT's training steps are reported
     * @return the result and the texts of its files; a failed result when the trainer failed
     */
    public FoldOutput run(int trainer, Split split, TrainingListener steps) {
        return run(trainer, split, new FoldDatasets(source, split, experiment.protocol()), steps);
    }

    /**
     * @param trainer the trainer's index
     * @param split the split
     * @param data the split's datasets, shared by the jobs of one split
     * @param steps where NPT's training steps are reported
     * @return the result and the texts of its files; a failed result when the trainer failed
     */
    FoldOutput run(int trainer, Split split, FoldDatasets data, TrainingListener steps) {
        String name = names.get(trainer);
        Trainer<?> t = experiment.trainers().get(trainer);
        try {
            return runOne(name, t, split, data.forTrainer(t), data.test(), steps);
        } catch (TrainerFailedException e) {
            LOG.log(Level.INFO, e.getMessage(), e);
            return FoldOutput.failed(FoldResult.failed(name, split.index(), e.getMessage()));
        }
    }

    /**
     * @param trainer the trainer's index
     * @return how many variants the trainer's sweep trains, 0 when it trains one configuration (or is not NPT)
     */
    public int variants(int trainer) {
        return experiment.trainers().get(trainer) instanceof AbstractNptTrainer<?> npt ? npt.variants().size() : 0;
    }

    /**
     * Trains one variant of a sweep trainer on a split, as the whole job trains it: the unit a
     * distributed run gives each variant of the paper's sweep.
     *
     * @param trainer the trainer's index; its sweep must have the variant
     * @param split the split
     * @param variant the variant's index
     * @return the variant's model, or why it failed
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public VariantOutput runVariant(int trainer, Split split, int variant) {
        AbstractNptTrainer npt = (AbstractNptTrainer) experiment.trainers().get(trainer);
        FoldDatasets.TrainingData data = new FoldDatasets(source, split, experiment.protocol()).forTrainer(npt);
        long start = System.nanoTime();
        try {
            positionAt(npt, split.index());
            try (NptModel model = npt.trainVariant(data.examples(), data.validation(), variant)) {
                return new VariantOutput(model.toBytes(), (System.nanoTime() - start) / 1e9, null);
            }
        } catch (RuntimeException e) {
            String message = new TrainerFailedException(names.get(trainer), split.index(),
                    "training (variant '" + ((NptVariant) npt.variants().get(variant)).title() + "')", e).getMessage();
            LOG.log(Level.INFO, message, e);
            return new VariantOutput(new byte[0], 0, message);
        }
    }

    /**
     * The job's output from its sweep's variants, each trained by {@link #runVariant}: the model the
     * whole job would have trained, scored as it scores it. Its training time is the variants' summed.
     *
     * @param trainer the trainer's index
     * @param split the split
     * @param variants every variant's output, in the sweep's order
     * @return the result and the texts of its files; a failed result when a variant failed
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public FoldOutput runFromVariants(int trainer, Split split, List<VariantOutput> variants) {
        String name = names.get(trainer);
        for (VariantOutput v : variants) {
            if (!v.ok()) {
                return FoldOutput.failed(FoldResult.failed(name, split.index(), v.failure()));
            }
        }
        AbstractNptTrainer npt = (AbstractNptTrainer) experiment.trainers().get(trainer);
        FoldDatasets data = new FoldDatasets(source, split, experiment.protocol());
        double variantSeconds = variants.stream().mapToDouble(VariantOutput::trainSeconds).sum();
        try {
            return runOne(name, npt, split, data.forTrainer(npt), data.test(), variantSeconds, (t, d, run) -> {
                List<NptModel> models = variants.stream().map(v -> NptModel.fromBytes(v.model())).toList();
                return npt.trainFromVariants(d.examples(), d.validation(), run, models);
            });
        } catch (TrainerFailedException e) {
            LOG.log(Level.INFO, e.getMessage(), e);
            return FoldOutput.failed(FoldResult.failed(name, split.index(), e.getMessage()));
        }
    }

    /** How a job's model is trained: by the trainer, or from variants trained apart. */
    @FunctionalInterface
    private interface Training {
        Model<?> train(Trainer<?> trainer, FoldDatasets.TrainingData data, Map<String, Provenance> runProvenance);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private FoldOutput runOne(String name, Trainer trainer, Split split, FoldDatasets.TrainingData data, Dataset test,
            TrainingListener steps) {
        return runOne(name, trainer, split, data, test, 0, (t, d, run) -> t instanceof ValidatingTrainer v
                ? v.train(d.examples(), d.validation(), run, steps)
                : ((Trainer) t).train(d.examples(), run));
    }

    @SuppressWarnings({"rawtypes"})
    private FoldOutput runOne(String name, Trainer trainer, Split split, FoldDatasets.TrainingData data, Dataset test,
            double earlierSeconds, Training training) {
        Map<String, Provenance> run = runProvenance(split, trainer);
        long start = System.nanoTime();
        Model<?> model;
        try {
            positionAt(trainer, split.index());
            model = training.train(trainer, data, run);
        } catch (RuntimeException e) {
            throw new TrainerFailedException(name, split.index(), "training", e);
        }
        long trained = System.nanoTime();
        try {
            List<? extends Prediction<?>> predictions;
            try {
                predictions = model instanceof NptTribuoModel npt && experiment.protocol().jointTestPrediction()
                        ? npt.predictJointly(test) : model.predict(test);
            } catch (RuntimeException e) {
                throw new TrainerFailedException(name, split.index(), "prediction", e);
            }
            long predicted = System.nanoTime();
            Map<Metric, Double> scores;
            try {
                scores = new LinkedHashMap<>(Scorer.score(source.task(), model, test, predictions));
            } catch (RuntimeException e) {
                throw new TrainerFailedException(name, split.index(), "scoring", e);
            }
            scores.put(Metric.TRAIN_SECONDS, earlierSeconds + (trained - start) / 1e9);
            scores.put(Metric.PREDICT_MS_PER_ROW, (predicted - trained) / 1e6 / test.size());
            String provenance = json.serializeToString(ProvenanceUtil.marshalProvenance(model.getProvenance()));
            return new FoldOutput(new FoldResult(name, split.index(), scores, ResultFiles.provenanceFile(name, split.index())),
                    provenance, PredictionsCsv.of(split.test(), test, predictions));
        } finally {
            if (model instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Closing " + name + "'s model failed", e);
                }
            }
        }
    }

    /**
     * Sets the trainer's invocation count to {@code count}. Trainers that keep Tribuo's default
     * {@code setInvocationCount}, which only logs a warning, are left alone: they have no count to set.
     */
    private static void positionAt(Trainer<?> trainer, int count) {
        try {
            if (trainer.getClass().getMethod("setInvocationCount", int.class).getDeclaringClass() != Trainer.class) {
                trainer.setInvocationCount(count);
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError("Trainer declares setInvocationCount", e);
        }
    }

    private Map<String, Provenance> runProvenance(Split split, Trainer<?> trainer) {
        Map<String, Provenance> out = new LinkedHashMap<>();
        out.put("rows-given", new StringProvenance("rows-given",
                FoldDatasets.describe(trainer, experiment.protocol(), split.hasValidation())));
        out.put("experiment", new StringProvenance("experiment", experiment.name()));
        out.put("fold", new IntProvenance("fold", split.index()));
        out.put("repeat", new IntProvenance("repeat", split.repeat()));
        out.put("protocol", new StringProvenance("protocol", experiment.protocol().describe(source.task())));
        out.put("data-file", new StringProvenance("data-file", dataFile));
        out.put("data-sha256", new StringProvenance("data-sha256", source.sha256()));
        return out;
    }
}
