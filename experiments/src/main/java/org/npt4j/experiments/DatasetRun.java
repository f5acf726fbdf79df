package org.npt4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.npt4j.experiments.progress.ProgressDisplay;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.report.ClassReport;
import org.npt4j.experiments.report.FoldLog;
import org.npt4j.experiments.report.FoldNumbering;
import org.npt4j.experiments.report.ResultFiles;
import org.npt4j.experiments.report.Significance;
import org.npt4j.experiments.report.Summary;
import org.npt4j.experiments.score.Metric;
import org.npt4j.experiments.score.Task;

/**
 * Every trainer on one data set's splits, in that data set's folder: its {@code folds.csv} (started,
 * or read back when resuming), the runs, and the reports made from the results, which it writes to the
 * folder. An experiment with one {@code source} has one, in the run's folder; one with {@code sources}
 * has one per data set, each in its own sub-folder, so that a fold's identity (its file names, its line
 * of {@code folds.csv}) includes its data set and each data set resumes on its own.
 */
final class DatasetRun {

    private final Experiment experiment;
    private final String name;
    private final TableSource source;
    private final List<Split> splits;
    private final List<String> trainers;
    private final List<Metric> metrics;
    private final Path folder;
    private final FoldNumbering numbering;
    private final FoldLog log;
    private final ExperimentRecipe recipe;

    /**
     * Starts or reads back the data set's fold log.
     *
     * @param experiment the experiment
     * @param name the data set's name
     * @param source the data set
     * @param splits its splits, from {@link Experiment#splits(TableSource)}
     * @param trainers the trainers' names, aligned with {@link Experiment#trainers()}
     * @param metrics quality metrics then timings
     * @param folder the folder its files go in
     * @param resume whether an interrupted run's results are to be read back from the folder
     * @param recipe the configuration the experiment was loaded from, for executors that run jobs elsewhere
     * @throws IOException if the log cannot be written or read
     */
    DatasetRun(Experiment experiment, String name, TableSource source, List<Split> splits, List<String> trainers,
            List<Metric> metrics, Path folder, boolean resume, ExperimentRecipe recipe) throws IOException {
        this.recipe = recipe;
        this.experiment = experiment;
        this.name = name;
        this.source = source;
        this.splits = splits;
        this.trainers = List.copyOf(trainers);
        this.metrics = List.copyOf(metrics);
        this.folder = folder;
        this.numbering = FoldNumbering.of(splits);
        Files.createDirectories(folder);
        this.log = resume ? FoldLog.resume(folder, trainers, numbering, metrics) : FoldLog.start(folder, trainers, numbering, metrics);
    }

    /** @return the (fold, trainer) runs in all */
    int runs() {
        return splits.size() * trainers.size();
    }

    /** @return the (fold, trainer) results already finished: those an interrupted run left */
    int finished() {
        return log.results().size();
    }

    /** @return the data set's splits */
    List<Split> splits() {
        return splits;
    }

    /** @return how the folds are numbered */
    FoldNumbering numbering() {
        return numbering;
    }

    /**
     * What one data set's run gave.
     *
     * @param name the data set's name
     * @param files its reports, written
     * @param summary its comparison
     * @param significance its tests against the base
     * @param failed the (fold, trainer) runs that failed
     */
    record Result(String name, ResultFiles files, Summary summary, Significance significance, long failed) {}

    /**
     * Runs what is not finished and writes the data set's reports.
     *
     * @param display where progress goes
     * @param base the trainer the others are tested against
     * @param given per trainer, which rows it was given
     * @param startup the engine start-up line, written into {@code summary.md}; empty for none
     * @param heading the heading of the data set's {@code summary.md}
     * @return the results
     * @throws IOException if a file cannot be written
     */
    Result run(ProgressDisplay display, Significance.Base base, Map<String, String> given, String startup, String heading)
            throws IOException {
        ExperimentRunner.Outcome outcome = new ExperimentRunner(experiment, source, trainers, folder, display, recipe).run(splits, log);
        Summary summary = new Summary(outcome.results(), trainers, metrics);
        Significance significance = new Significance(outcome.results(), trainers, metrics, base,
                Significance.testTrainRatio(outcome.splits()), experiment.significanceLevel());
        // Per-class figures come from the predictions files, so a resumed run counts its earlier folds too.
        ClassReport classes = source.task() == Task.CLASSIFICATION
                ? ClassReport.fromPredictions(folder, outcome.results(), trainers, source.classes(), numbering) : null;
        ResultFiles files = new ResultFiles(folder, heading, experiment.describe(source), summary, significance,
                Metric.forTask(source.task()), given, classes, numbering, startup);
        files.write(outcome.splits(), source.table().rowCount());
        long failed = outcome.results().stream().filter(r -> !r.ok()).count();
        return new Result(name, files, summary, significance, failed);
    }
}
