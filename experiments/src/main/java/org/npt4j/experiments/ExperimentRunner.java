package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npt4j.experiments.progress.ProgressDisplay;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.report.AtomicFiles;
import org.npt4j.experiments.report.FoldLog;
import org.npt4j.experiments.report.PredictionsCsv;
import org.npt4j.experiments.report.ResultFiles;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;
import org.npt4j.experiments.score.Scorer;
import org.npt4j.experiments.score.Task;
import org.npt4j.tribuo.NptTribuoModel;
import org.npt4j.tribuo.ValidatingTrainer;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;

/**
 * Runs an {@link Experiment}: splits the table once, then trains and scores every trainer on every
 * split, in the same order each time, writing each fold's model provenance, predictions and line of
 * {@code folds.csv} as it goes. A trainer that fails on a fold is recorded as failed there and the
 * run goes on; a (fold, trainer) that the {@link FoldLog} already holds (a resumed run) is not run again.
 *
 * <p>Before each training the trainer's invocation count is set to the fold's index, the count it has
 * when it trains on every fold in order (Tribuo's convention for reproducing a trainer's random
 * draws: NPT's trainer draws each training's seed from it). A model therefore depends only on its
 * fold, not on which folds this process trained before, so a resumed run trains the models an
 * uninterrupted one would.
 *
 * <p>All trainers get Tribuo datasets of the same form: numeric columns as features, categorical
 * columns one-hot ({@code column@value}), which is the form Tribuo's XGBoost, tree and linear
 * trainers take, and which NPT's trainers regroup into categorical columns. Which rows each trainer
 * learns from is the protocol's choice ({@link FoldDatasets}); every trainer is scored on the same
 * test rows, and each fold's predictions are written beside its provenance.
 *
 * <p>Each fold's {@link Metric#TRAIN_SECONDS} times {@code train} alone: {@link Compare} starts the
 * native engines before the first fold ({@link EngineStartup}), so that no fold's time holds their
 * one-off start-up.
 */
public final class ExperimentRunner {

    private static final Logger LOG = Logger.getLogger(ExperimentRunner.class.getName());

    private final Experiment experiment;
    private final TableSource source;
    private final List<String> names;
    private final Path folder;
    private final ProgressDisplay display;
    private final JsonProvenanceSerialization json = new JsonProvenanceSerialization(true);

    /**
     * @param experiment the experiment
     * @param names a display name per trainer, aligned with {@link Experiment#trainers()}
     * @param folder the run's output folder; provenance goes under {@code provenance/}
     * @param display where progress goes
     */
    public ExperimentRunner(Experiment experiment, List<String> names, Path folder, ProgressDisplay display) {
        this(experiment, experiment.source(), names, folder, display);
    }

    /**
     * @param experiment the experiment
     * @param source the data set to run on, one of the experiment's
     * @param names a display name per trainer, aligned with {@link Experiment#trainers()}
     * @param folder the data set's output folder; provenance goes under {@code provenance/}
     * @param display where progress goes
     */
    public ExperimentRunner(Experiment experiment, TableSource source, List<String> names, Path folder, ProgressDisplay display) {
        if (names.size() != experiment.trainers().size()) {
            throw new IllegalArgumentException(names.size() + " names for " + experiment.trainers().size() + " trainers");
        }
        this.experiment = experiment;
        this.source = source;
        this.names = List.copyOf(names);
        this.folder = folder;
        this.display = display;
    }

    /**
     * The splits and every fold's result: plain data, so that the report package writes it
     * without depending on the runner.
     *
     * @param splits the splits every trainer ran on
     * @param results every (fold, trainer)'s result, finished or failed, fold by fold, trainers in configuration order
     */
    public record Outcome(List<Split> splits, List<FoldResult> results) {}

    /**
     * Runs every (fold, trainer) that {@code log} does not hold as finished, recording each result in it.
     *
     * @param splits the data set's splits, from {@link Experiment#splits(TableSource)}
     * @param log where results go, holding those of an interrupted run when resuming
     * @return the splits and every result, finished or failed
     * @throws IOException if a result file cannot be written
     */
    public Outcome run(List<Split> splits, FoldLog log) throws IOException {
        List<Trainer<?>> trainers = experiment.trainers();
        try {
            for (Split split : splits) {
                // Built lazily, so a split every trainer finished before the interruption costs nothing.
                FoldDatasets data = new FoldDatasets(source, split, experiment.protocol());
                for (int t = 0; t < trainers.size(); t++) {
                    Optional<FoldResult> done = log.finished(names.get(t), split.index());
                    if (done.isPresent()) {
                        display.resumed(done.get());
                        continue;
                    }
                    display.started(names.get(t), split.index());
                    FoldResult result = runOrFail(names.get(t), trainers.get(t), split, data);
                    // The line is written before it is shown: a fold reported done is a fold on disk.
                    log.record(result);
                    display.finished(result);
                }
            }
        } finally {
            display.close();
        }
        return new Outcome(splits, log.results());
    }

    /** Runs one (fold, trainer); a trainer's failure becomes a failed result, so the others go on. */
    private FoldResult runOrFail(String name, Trainer<?> trainer, Split split, FoldDatasets data) throws IOException {
        try {
            return runOne(name, trainer, split, data.forTrainer(trainer), data.test(), source.task());
        } catch (TrainerFailedException e) {
            LOG.log(Level.INFO, e.getMessage(), e);
            return FoldResult.failed(name, split.index(), e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private FoldResult runOne(String name, Trainer trainer, Split split, FoldDatasets.TrainingData data, Dataset test, Task task)
            throws IOException {
        Map<String, Provenance> run = runProvenance(split, trainer);
        long start = System.nanoTime();
        Model<?> model;
        try {
            positionAt(trainer, split.index());
            model = trainer instanceof ValidatingTrainer v
                    ? v.train(data.examples(), data.validation(), run, display::step)
                    : trainer.train(data.examples(), run);
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
                scores = new LinkedHashMap<>(Scorer.score(task, model, test, predictions));
            } catch (RuntimeException e) {
                throw new TrainerFailedException(name, split.index(), "scoring", e);
            }
            scores.put(Metric.TRAIN_SECONDS, (trained - start) / 1e9);
            scores.put(Metric.PREDICT_MS_PER_ROW, (predicted - trained) / 1e6 / test.size());
            String file = ResultFiles.provenanceFile(name, split.index());
            AtomicFiles.write(folder.resolve(file), json.serializeToString(ProvenanceUtil.marshalProvenance(model.getProvenance())));
            AtomicFiles.write(folder.resolve(ResultFiles.predictionsFile(name, split.index())),
                    PredictionsCsv.of(split.test(), test, predictions));
            return new FoldResult(name, split.index(), scores, file);
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
        out.put("data-file", new StringProvenance("data-file", source.file().toString()));
        out.put("data-sha256", new StringProvenance("data-sha256", source.sha256()));
        return out;
    }
}
