package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.ArgumentException;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.Option;
import com.oracle.labs.mlrg.olcut.config.Options;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.UsageException;
import com.oracle.labs.mlrg.olcut.config.io.ConfigLoaderException;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npt4j.experiments.progress.ProgressDisplay;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.report.AcrossDatasets;
import org.npt4j.experiments.report.ResultFiles;
import org.npt4j.experiments.report.Significance;
import org.npt4j.experiments.report.Summary;
import org.npt4j.experiments.score.Metric;
import org.npt4j.tribuo.AbstractNptTrainer;
import org.tribuo.Trainer;

/**
 * The command line: loads an OLCUT config (XML or JSON), runs the named {@link Experiment}, prints
 * the comparison and writes it to the experiment's output folder. Any configured field can be
 * overridden OLCUT's way, e.g. {@code --@npt.steps 200} or {@code --@protocol.folds 10}.
 * {@code --resume <folder>} finishes an interrupted run in its folder ({@link RunFolder}). An
 * experiment with several data sets ({@code sources}) runs each into its own sub-folder
 * ({@link DatasetRun}) and prints and writes the comparison across them ({@link AcrossDatasets}).
 * The native engines the trainers need are started before the first fold and their start-up is
 * reported on its own line ({@link EngineStartup}), so that no fold's training time includes it.
 *
 * <pre>java org.npt4j.experiments.Compare -c configs/quick-start.xml [-e experiment] [--progress auto|bar|log|none]
 *java org.npt4j.experiments.Compare --resume results/20250101-120000 [--progress ...]</pre>
 *
 * <p>Exit status: {@value #SUCCESS} when every trainer finished every fold, {@value #SOME_FAILED}
 * when the run finished but some (fold, trainer) failed (the summary names them),
 * {@value #ERROR} for a configuration, data or file error, {@value #BAD_COMMAND_LINE} for a bad command line.
 */
public final class Compare {

    /** Exit status: every trainer finished every fold. */
    public static final int SUCCESS = 0;
    /** Exit status: a configuration, data or file error, or a resume refused; nothing was compared. */
    public static final int ERROR = 1;
    /** Exit status: the command line could not be parsed. */
    public static final int BAD_COMMAND_LINE = 2;
    /** Exit status: the run finished and wrote its results, but some trainer failed on some fold. */
    public static final int SOME_FAILED = 3;

    /** Where progress goes. */
    public enum ProgressMode {
        /** A bar on a terminal, log lines otherwise. */
        AUTO,
        /** A bar redrawn in place. */
        BAR,
        /** Plain lines. */
        LOG,
        /** Nothing but the results. */
        NONE
    }

    /** Command-line options besides OLCUT's own {@code -c}. */
    public static final class CompareOptions implements Options {
        /** The experiment component to run. */
        @Option(charName = 'e', longName = "experiment", usage = "Name of the Experiment component to run (default: experiment).")
        public String experiment = "experiment";

        /** How progress is shown. */
        @Option(longName = "progress", usage = "AUTO (a bar on a terminal, log lines otherwise), BAR, LOG or NONE.")
        public ProgressMode progress = ProgressMode.AUTO;

        /** Keep the trainers' own INFO logging. */
        @Option(longName = "verbose", usage = "Keep the trainers' own log messages (NPT's and Tribuo's INFO lines).")
        public boolean verbose = false;

        /** An interrupted run's output folder, to finish. */
        @Option(longName = "resume", usage = "Finish the interrupted run in this output folder: runs only the (fold, trainer) "
                + "pairs its folds.csv lacks or records as failed. Loads the folder's configuration.xml unless -c is given, "
                + "which must then describe the same experiment.")
        public Path resume = null;

        @Override
        public String getOptionsDescription() {
            return "Compares Tribuo trainers, NPT among them, on the same folds of one dataset or several.";
        }
    }

    // Held so the level changes are not lost when the loggers are garbage collected.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Compare() {}

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line without exiting the JVM.
     *
     * @param args the command line
     * @param out where results go
     * @param err where errors go
     * @return the exit status: {@value #SUCCESS} on success, {@value #SOME_FAILED} when some (fold, trainer) failed,
     *     {@value #ERROR} for a configuration, data or file error, {@value #BAD_COMMAND_LINE} for a bad command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
        CompareOptions options = new CompareOptions();
        try (ConfigurationManager cm = new ConfigurationManager(RunFolder.configurationArgs(args), options)) {
            if (cm.getUnnamedArguments().length > 0) {
                err.println("error: unexpected arguments " + String.join(" ", cm.getUnnamedArguments()));
                return BAD_COMMAND_LINE;
            }
            if (!options.verbose) {
                quietTrainerLogs();
            }
            return compare(cm, options, out, err);
        } catch (UsageException e) {
            out.println(e.getUsage());
            return SUCCESS;
        } catch (ArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_COMMAND_LINE;
        } catch (PropertyException e) {
            err.println("configuration error: " + describe(e));
            return ERROR;
        } catch (ConfigLoaderException e) {
            err.println("configuration error: " + e.getMessage());
            return ERROR;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (IOException e) {
            err.println("error writing results: " + e.getMessage());
            return ERROR;
        }
    }

    /** Runs the loaded experiment, new or resumed, and reports it; returns the exit status. */
    private static int compare(ConfigurationManager cm, CompareOptions options, PrintStream out, PrintStream err)
            throws IOException {
        Experiment experiment = lookup(cm, options.experiment);
        try {
            return prepareAndCompare(cm, experiment, options, out, err);
        } finally {
            experiment.executor().close();
        }
    }

    /** Makes the run's folder and data set runs, then compares. */
    private static int prepareAndCompare(ConfigurationManager cm, Experiment experiment, CompareOptions options, PrintStream out,
            PrintStream err) throws IOException {
        List<String> names = new ArrayList<>();
        for (Trainer<?> t : experiment.trainers()) {
            names.add(cm.getConfiguredName(t).orElse(t.getClass().getSimpleName()));
        }
        Map<String, TableSource> sources = new LinkedHashMap<>();
        for (TableSource s : experiment.sources()) {
            sources.put(cm.getConfiguredName(s).orElse(s.file().getFileName().toString()), s);
        }
        // Before any folder is made: a cluster that cannot run the trainers fails here.
        experiment.executor().prepare(experiment, names);
        // Splits first: a table too small for the protocol fails before any folder is made.
        Map<String, List<Split>> splits = new LinkedHashMap<>();
        sources.forEach((name, s) -> splits.put(name, experiment.splits(s)));
        List<Metric> quality = Metric.forTask(experiment.task());
        List<Metric> metrics = new ArrayList<>(quality);
        metrics.addAll(Metric.timings());
        boolean resume = options.resume != null;
        Path folder = resume ? RunFolder.resume(cm, options.resume) : RunFolder.create(cm, experiment);
        boolean several = experiment.severalSources();
        ExperimentRecipe recipe = new ExperimentRecipe(RunFolder.effective(cm), options.experiment, List.copyOf(sources.keySet()),
                sources.values().stream().map(s -> s.file().toString()).toList());
        Map<String, DatasetRun> runs = new LinkedHashMap<>();
        for (String name : sources.keySet()) {
            Path own = several ? folder.resolve(ResultFiles.datasetFolder(name)) : folder;
            runs.put(name, new DatasetRun(experiment, name, sources.get(name), splits.get(name), names, metrics, own, resume, recipe));
        }
        return compare(experiment, names, sources, runs, folder, quality, options, out, err);
    }

    /** Runs every data set's jobs on the experiment's executor, then prints and writes the comparison. */
    private static int compare(Experiment experiment, List<String> names, Map<String, TableSource> sources,
            Map<String, DatasetRun> runs, Path folder, List<Metric> quality, CompareOptions options, PrintStream out,
            PrintStream err) throws IOException {
        boolean several = experiment.severalSources();
        boolean resume = options.resume != null;
        Map<String, List<Split>> splits = new LinkedHashMap<>();
        runs.forEach((name, run) -> splits.put(name, run.splits()));
        out.println(experiment.heading());
        out.println(experiment.describe());
        if (!(experiment.executor() instanceof InProcessExecutor)) {
            out.println("Jobs run " + experiment.executor().describe());
        }
        TrainerThreads.mismatch(names, experiment.trainers()).ifPresent(warning -> err.println("warning: " + warning));
        if (several) {
            sources.forEach((name, s) -> out.println("  " + name + ": " + s));
        }
        if (resume) {
            int finished = runs.values().stream().mapToInt(DatasetRun::finished).sum();
            int all = runs.values().stream().mapToInt(DatasetRun::runs).sum();
            out.println("Resuming " + folder + ": " + finished + " of " + all + " (fold, trainer) results were finished; running the rest");
        }
        // Before the first fold, so that no fold's train time holds a one-off engine start-up; a resumed run times its own.
        String startup = EngineStartup.start(experiment.trainers()).line().orElse("");
        if (!startup.isEmpty()) {
            out.println(startup);
        }
        Map<String, String> given = new LinkedHashMap<>();
        boolean validation = splits.values().iterator().next().stream().anyMatch(Split::hasValidation);
        for (int t = 0; t < names.size(); t++) {
            Trainer<?> trainer = experiment.trainers().get(t);
            given.put(names.get(t), FoldDatasets.describe(trainer, experiment.protocol(), validation) + "; "
                    + TrainerThreads.describe(trainer));
        }
        Significance.Base base = base(experiment, names);
        List<DatasetRun.Result> results = new ArrayList<>();
        for (Map.Entry<String, DatasetRun> e : runs.entrySet()) {
            String name = e.getKey();
            DatasetRun run = e.getValue();
            if (several && options.progress != ProgressMode.NONE) {
                err.println("data set " + (results.size() + 1) + "/" + runs.size() + ": " + name);
            }
            ProgressDisplay display = display(options.progress, err, names, run.splits().size());
            results.add(run.run(display, base, given, startup, several ? experiment.heading() + ": " + name : experiment.heading()));
        }
        out.println();
        if (several) {
            List<AcrossDatasets.DataSet> sets = new ArrayList<>();
            for (DatasetRun.Result r : results) {
                sets.add(new AcrossDatasets.DataSet(r.name(), sources.get(r.name()).toString(), r.summary(), r.significance()));
            }
            AcrossDatasets across = new AcrossDatasets(experiment.heading(), experiment.describe(), sets, quality, given, startup);
            across.write(folder);
            out.print(across.text());
            for (DatasetRun.Result r : results) {
                String classes = r.files().classesText();
                if (!classes.isEmpty()) {
                    out.print("\n" + r.name() + ":" + classes);
                }
            }
        } else {
            DatasetRun.Result r = results.get(0);
            out.print(r.files().textTable());
            out.println("mean ± standard error over " + runs.values().iterator().next().numbering().describe()
                    + "; ^ marks the best mean");
            out.print(r.files().classesText());
        }
        out.println("Results written to " + folder);
        long failed = results.stream().mapToLong(DatasetRun.Result::failed).sum();
        if (failed == 0) {
            return SUCCESS;
        }
        int all = runs.values().stream().mapToInt(DatasetRun::runs).sum();
        err.println("error: " + failed + " of " + all + " (fold, trainer) runs failed and are left out of the means "
                + "(exit status " + SOME_FAILED + "; --resume " + folder + " retries them):");
        for (DatasetRun.Result r : results) {
            for (Summary.Failure f : r.summary().failures()) {
                err.println("  " + (several ? r.name() + ": " : "") + f.describe());
            }
        }
        return SOME_FAILED;
    }

    /** The trainer the others are tested against: NPT, by {@link Significance.Base#choose}'s rule. */
    private static Significance.Base base(Experiment experiment, List<String> names) {
        List<String> npt = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            if (experiment.trainers().get(t) instanceof AbstractNptTrainer<?>) {
                npt.add(names.get(t));
            }
        }
        return Significance.Base.choose(names, npt);
    }

    private static Experiment lookup(ConfigurationManager cm, String name) {
        if (!cm.getComponentNames().contains(name)) {
            throw new IllegalArgumentException("The configuration has no component named '" + name + "'; its experiments are "
                    + cm.listAll(Experiment.class) + " (choose one with -e)");
        }
        Configurable c = cm.lookup(name);
        if (!(c instanceof Experiment e)) {
            throw new IllegalArgumentException("Component '" + name + "' is a " + c.getClass().getName() + ", not an "
                    + Experiment.class.getName());
        }
        return e;
    }

    /** Why a configuration failed: OLCUT's message names the component and the property. */
    static String describe(PropertyException e) {
        Throwable deepest = e;
        while (deepest.getCause() instanceof PropertyException p) {
            deepest = p;
        }
        return deepest.getMessage();
    }

    private static ProgressDisplay display(ProgressMode mode, PrintStream err, List<String> names, int folds) {
        ProgressMode effective = mode == ProgressMode.AUTO ? (System.console() != null ? ProgressMode.BAR : ProgressMode.LOG) : mode;
        return switch (effective) {
            case BAR -> ProgressDisplay.bar(err, names, folds);
            case LOG -> ProgressDisplay.log(err, names, folds);
            default -> ProgressDisplay.NONE;
        };
    }

    private static void quietTrainerLogs() {
        for (String name : List.of("org.npt4j", "org.tribuo", "ml.dmlc", "ai.djl")) {
            quiet(name, Level.WARNING);
        }
        // DJL warns that it cannot count GPUs on every machine that has a CUDA library but no driver.
        quiet("ai.djl.util.cuda.CudaUtils", Level.SEVERE);
    }

    private static void quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        QUIETED.add(logger);
    }
}
