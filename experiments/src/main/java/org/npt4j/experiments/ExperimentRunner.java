package org.npt4j.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.npt4j.experiments.progress.ProgressDisplay;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.report.AtomicFiles;
import org.npt4j.experiments.report.FoldLog;
import org.npt4j.experiments.report.ResultFiles;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * Runs an {@link Experiment} on one data set: every (split, trainer) that the {@link FoldLog} does not
 * already hold as finished (a resumed run) becomes a {@link FoldJob}, the experiment's
 * {@link FoldExecutor} runs the jobs, and each job's output is written as it arrives: the model's
 * provenance and the test predictions beside it, then its line of {@code folds.csv}. A trainer that
 * fails on a fold is recorded as failed there and the run goes on.
 *
 * <p>All trainers get Tribuo datasets of the same form: numeric columns as features, categorical
 * columns one-hot ({@code column@value}), which is the form Tribuo's XGBoost, tree and linear
 * trainers take, and which NPT's trainers regroup into categorical columns. Which rows each trainer
 * learns from is the protocol's choice ({@link FoldDatasets}); every trainer is scored on the same
 * test rows ({@link FoldWork}).
 *
 * <p>Each fold's {@link Metric#TRAIN_SECONDS} times {@code train} alone: {@link Compare} starts the
 * native engines before the first fold ({@link EngineStartup}), so that no fold's time holds their
 * one-off start-up.
 */
public final class ExperimentRunner {

    private final Experiment experiment;
    private final TableSource source;
    private final List<String> names;
    private final Path folder;
    private final ProgressDisplay display;
    private final ExperimentRecipe recipe;

    /**
     * @param experiment the experiment
     * @param names a display name per trainer, aligned with {@link Experiment#trainers()}
     * @param folder the run's output folder; provenance goes under {@code provenance/}
     * @param display where progress goes
     */
    public ExperimentRunner(Experiment experiment, List<String> names, Path folder, ProgressDisplay display) {
        this(experiment, experiment.source(), names, folder, display, null);
    }

    /**
     * @param experiment the experiment
     * @param source the data set to run on, one of the experiment's
     * @param names a display name per trainer, aligned with {@link Experiment#trainers()}
     * @param folder the data set's output folder; provenance goes under {@code provenance/}
     * @param display where progress goes
     * @param recipe the configuration the experiment was loaded from, for executors that run jobs in other
     *     JVMs; null when there is none (such executors then refuse)
     */
    public ExperimentRunner(Experiment experiment, TableSource source, List<String> names, Path folder, ProgressDisplay display,
            ExperimentRecipe recipe) {
        if (names.size() != experiment.trainers().size()) {
            throw new IllegalArgumentException(names.size() + " names for " + experiment.trainers().size() + " trainers");
        }
        this.experiment = experiment;
        this.source = source;
        this.names = List.copyOf(names);
        this.folder = folder;
        this.display = display;
        this.recipe = recipe;
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
        int sourceIndex = experiment.sources().indexOf(source);
        if (sourceIndex < 0) {
            throw new IllegalArgumentException(source + " is not one of the experiment's data sets");
        }
        List<FoldJob> jobs = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            for (int t = 0; t < names.size(); t++) {
                Optional<FoldResult> done = log.finished(names.get(t), splits.get(s).index());
                if (done.isPresent()) {
                    display.resumed(done.get());
                } else {
                    jobs.add(new FoldJob(sourceIndex, s, t));
                }
            }
        }
        String dataFile = recipe != null ? recipe.dataFiles().get(sourceIndex) : source.file().toString();
        FoldWork work = new FoldWork(experiment, source, dataFile, names);
        try {
            experiment.executor().run(new FoldBatch(experiment, work, splits, names, jobs, display, recipe), output -> record(output, log));
        } finally {
            display.close();
        }
        return new Outcome(splits, log.results());
    }

    /** Writes a job's files, then its line: a fold in {@code folds.csv} always has its files. */
    private void record(FoldOutput output, FoldLog log) throws IOException {
        FoldResult result = output.result();
        if (result.ok()) {
            AtomicFiles.write(folder.resolve(result.provenanceFile()), output.provenanceJson());
            AtomicFiles.write(folder.resolve(ResultFiles.predictionsFile(result.trainer(), result.fold())),
                    output.predictionsCsv());
        }
        log.record(result);
    }
}
