package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.io.ConfigLoaderException;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.Settings;
import org.npt4j.core.diagnostics.ContextDependence;
import org.npt4j.core.diagnostics.ContextDependenceResult;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.NptPredictionException;
import org.npt4j.core.table.ArffTableReader;
import org.npt4j.core.table.CsvTableReader;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.core.training.NptTrainingException;
import org.npt4j.experiments.report.DependenceFiles;

/**
 * "Does it use other rows?" as a command: trains NPT on part of a data set, then corrupts its
 * context ({@link ContextDependence}: context targets randomised, context features permuted,
 * context replaced by rows drawn from a disjoint pool) and measures how much the predictions of
 * held-out rows move. Prints a table and writes {@link DependenceFiles}' CSV, PNG and text files.
 *
 * <p>The rows are split three ways ({@link DiagnosticSplit}): test rows are the queries, pool rows
 * (a disjoint part of the same data, so that a replacement context is as real as the training
 * one but shares no row with it or with the queries) feed the replacement, the rest train the
 * model and are its context. A pool smaller than the context is drawn with replacement, and the
 * output says so. See {@link DiagnosticArguments#USAGE} for the options.
 *
 * <p>Exit status: {@value #SUCCESS}, {@value #ERROR} for a data, training or file error,
 * {@value #BAD_COMMAND_LINE} for a bad command line.
 */
public final class DependenceDiagnostic {

    /** Exit status: the diagnostic ran and its files were written. */
    public static final int SUCCESS = 0;
    /** Exit status: the data, the training or writing the files failed. */
    public static final int ERROR = 1;
    /** Exit status: the command line could not be read. */
    public static final int BAD_COMMAND_LINE = 2;

    // Held so the level change is not lost when the logger is garbage collected.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private DependenceDiagnostic() {}

    /**
     * @param args the command line, see {@link DiagnosticArguments#USAGE}
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
     * @param out where the table goes
     * @param err where progress and errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DiagnosticArguments a;
        NptConfig config;
        try {
            a = DiagnosticArguments.parse(args);
            if (a.help) {
                out.println(DiagnosticArguments.USAGE);
                return SUCCESS;
            }
            NptConfig.Builder builder = NptConfig.builder(a.preset).set(Settings.SEED, a.seed);
            a.settings.forEach(builder::set);
            config = builder.build();
        } catch (IllegalArgumentException e) {
            // NptConfigException too: an unknown setting or a value it does not take.
            err.println("error: " + e.getMessage());
            err.println(DiagnosticArguments.USAGE);
            return BAD_COMMAND_LINE;
        }
        quiet("org.npt4j");
        quiet("ai.djl");
        try {
            Data data = a.config != null ? fromConfig(a.config, a.source) : fromFile(a);
            return diagnose(data, a, config, out, err);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (IllegalArgumentException | PropertyException | ConfigLoaderException e) {
            // NptInputException too: data the model cannot use.
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (NptTrainingException | NptPredictionException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        }
    }

    /** The table, its target and a name for it. */
    private record Data(Table table, String target, String name) {}

    private static int diagnose(Data data, DiagnosticArguments a, NptConfig config, PrintStream out, PrintStream err)
            throws IOException {
        Table table = data.table();
        if (!table.hasColumn(data.target())) {
            throw new NptInputException("Target column '" + data.target() + "' is not in " + data.name()
                    + "; its columns are " + table.columnNames());
        }
        DiagnosticSplit split = DiagnosticSplit.of(table.rowCount(), a.testFraction, a.poolFraction, a.seed);
        Table train = table.selectRows(split.train());
        Table test = table.selectRows(split.test());
        Table pool = table.selectRows(split.pool());
        Path folder = a.outputFolder();
        String description = String.format(Locale.ROOT,
                "Dependence diagnostic: %s, target %s; %d training rows (the context), %d test rows (the queries), "
                        + "%d pool rows (replacement contexts); seed %d%n%s",
                data.name(), data.target(), split.train().length, split.test().length, split.pool().length, a.seed,
                config.describe());
        out.println(description);
        int every = Math.max(1, config.get(Settings.STEPS) / 10);
        NptTrainer trainer = new NptTrainer(config, p -> {
            if (p.step() % every == 0 || p.step() == p.totalSteps()) {
                err.println(p.format());
            }
        });
        long started = System.nanoTime();
        ContextDependenceResult result;
        try (NptModel model = trainer.fit(train, data.target())) {
            long trained = System.nanoTime();
            result = ContextDependence.of(model, data.target(), test, pool, a.seed);
            err.printf(Locale.ROOT, "trained in %.1f s, corruptions measured in %.1f s%n", (trained - started) / 1e9,
                    (System.nanoTime() - trained) / 1e9);
        }
        DependenceFiles files = new DependenceFiles(result, split.test(), description);
        files.write(folder, "Does NPT use other rows? " + data.name());
        out.println();
        out.print(files.text());
        out.println("Results written to " + folder);
        return SUCCESS;
    }

    private static Data fromFile(DiagnosticArguments a) throws IOException {
        if (!Files.isRegularFile(a.data)) {
            throw new NptInputException("Data file " + a.data.toAbsolutePath().normalize() + " does not exist");
        }
        boolean arff = a.data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arff");
        Table table = arff
                ? ArffTableReader.arff().drop(a.drop.toArray(String[]::new)).read(a.data)
                : CsvTableReader.csv().skipLines(a.skipLines).categorical(a.categorical.toArray(String[]::new))
                        .drop(a.drop.toArray(String[]::new)).read(a.data);
        if (arff && !a.categorical.isEmpty()) {
            throw new IllegalArgumentException("--categorical applies to CSV files; an ARFF file types its own attributes");
        }
        return new Data(table, a.target, a.data.getFileName().toString());
    }

    /** The data source of an experiment config: the one {@code TableSource}, or the one named. */
    private static Data fromConfig(Path config, String name) {
        ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
        try (ConfigurationManager cm = new ConfigurationManager(config.toString())) {
            List<String> names = cm.listAll(TableSource.class);
            String chosen = name;
            if (chosen == null) {
                if (names.size() != 1) {
                    throw new IllegalArgumentException(config + " has " + names.size() + " data sources " + names
                            + "; name one with --source");
                }
                chosen = names.iterator().next();
            } else if (!names.contains(chosen)) {
                throw new IllegalArgumentException(config + " has no data source '" + chosen + "'; its data sources are " + names);
            }
            TableSource source = (TableSource) cm.lookup(chosen);
            return new Data(source.table(), source.response(), chosen + " (" + source.file() + ")");
        }
    }

    private static void quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        QUIETED.add(logger);
    }
}
