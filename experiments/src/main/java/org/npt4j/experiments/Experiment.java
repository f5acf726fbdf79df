package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.ConfigurableName;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Table;
import org.npt4j.experiments.protocol.Protocol;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.CorrectedTTest;
import org.npt4j.experiments.score.Task;
import org.tribuo.Trainer;

/**
 * An experiment as an OLCUT component: a {@link TableSource} (or several, {@code sources}), a
 * {@link Protocol} and the Tribuo trainers to compare on it. With several data sets every trainer runs
 * on every one, each split by the same protocol into splits that every trainer shares. Loading the
 * configuration checks that everything fits together (the file, the response, each trainer's output
 * type against the response's type, one task over all data sets), so a mistake fails before anything
 * trains. {@link ExperimentRunner} runs it.
 */
public final class Experiment implements Configurable {

    @ConfigurableName
    private String name;

    @Config(description = "A line describing the experiment, printed above the results.")
    private String title = "";

    @Config(description = "The data: file, response column and categorical columns. Set this or sources.")
    private TableSource source;

    @Config(description = "Several data sets, each compared on its own splits by the same protocol and trainers, "
            + "as Weka's Experimenter compares over data sets; all must have the same task. Set this or source.")
    private List<TableSource> sources = new ArrayList<>();

    @Config(mandatory = true, description = "How rows are divided into folds: KFoldProtocol or PaperProtocol.")
    private Protocol protocol;

    @SuppressWarnings("rawtypes")
    @Config(mandatory = true, description = "The Tribuo trainers to compare, by component name; all see the same folds.")
    private List<Trainer> trainers;

    @Config(description = "Folder in which each run makes a <date-time> folder for its results.")
    private Path outputDirectory = Path.of("results");

    @Config(description = "Two-sided significance level of the corrected resampled t-test of each trainer against NPT, "
            + "strictly between 0 and 1.")
    private double significanceLevel = CorrectedTTest.DEFAULT_LEVEL;

    @Config(description = "Where the (split, trainer) jobs run: InProcessExecutor (the default: one after another in this JVM) "
            + "or SparkExecutor (as Spark tasks, run by the spark-npt module). Results do not depend on it.")
    private FoldExecutor executor = new InProcessExecutor();

    /** For OLCUT. */
    private Experiment() {}

    @Override
    public void postConfig() {
        if (trainers == null || trainers.isEmpty()) {
            throw new PropertyException(name, "trainers", "lists no trainer");
        }
        if (!(significanceLevel > 0 && significanceLevel < 1)) {
            throw new PropertyException(name, "significanceLevel", "must be strictly between 0 and 1, found " + significanceLevel);
        }
        if ((source == null) == sources.isEmpty()) {
            throw new PropertyException(name, source == null ? "source" : "sources", source == null
                    ? "no data: set source (one data set) or sources (several)" : "source and sources are both set; set one");
        }
        Set<TableSource> seenSources = Collections.newSetFromMap(new IdentityHashMap<>());
        Task task = sources().get(0).task();
        for (TableSource s : sources()) {
            if (!seenSources.add(s)) {
                throw new PropertyException(name, "sources", "lists the data set " + s + " twice");
            }
            if (s.task() != task) {
                throw new PropertyException(name, "sources", "mixes tasks: " + sources().get(0) + " is " + task.name().toLowerCase()
                        + ", " + s + " is " + s.task().name().toLowerCase() + "; the trainers are for one task");
            }
        }
        Set<Trainer<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Trainer<?> t : trainers) {
            if (!seen.add(t)) {
                throw new PropertyException(name, "trainers", "lists the trainer " + t + " twice");
            }
            Task handles = TrainerTasks.taskOf(t);
            if (handles != null && handles != task) {
                throw new PropertyException(name, "trainers", "Trainer " + t.getClass().getSimpleName() + " is for "
                        + handles.name().toLowerCase() + ", but response column '" + sources().get(0).response()
                        + "' makes this a " + task.name().toLowerCase() + " task");
            }
        }
    }

    /** @return the component name */
    public String name() {
        return name;
    }

    /** @return the title, or the component name when there is none */
    public String heading() {
        return title.isEmpty() ? name : title;
    }

    /** @return the dataset and the protocol in one line, for headers; the protocol and the count with several */
    public String describe() {
        return severalSources() ? sources.size() + " data sets, " + protocol.describe(task()) : describe(source);
    }

    /**
     * @param data one of the experiment's data sets
     * @return the data set and the protocol in one line
     */
    public String describe(TableSource data) {
        return data + ", " + protocol.describe(data.task());
    }

    /** @return the data, the first data set where there are several */
    public TableSource source() {
        return sources().get(0);
    }

    /** @return every data set, in configuration order: the one {@code source}, or the {@code sources} */
    public List<TableSource> sources() {
        return source != null ? List.of(source) : List.copyOf(sources);
    }

    /**
     * @return whether the experiment lists its data as {@code sources}, whose results are reported per data
     *     set and across them; a lone {@code source} keeps the one-data-set report
     */
    public boolean severalSources() {
        return source == null;
    }

    /** @return the task every data set shares */
    public Task task() {
        return source().task();
    }

    /** @return the fold protocol */
    public Protocol protocol() {
        return protocol;
    }

    /** @return the trainers in configuration order */
    public List<Trainer<?>> trainers() {
        List<Trainer<?>> out = new ArrayList<>();
        for (Trainer<?> t : trainers) {
            out.add(t);
        }
        return out;
    }

    /** @return the protocol's splits of the (first) source table, the same on every call */
    public List<Split> splits() {
        return splits(source());
    }

    /**
     * @param data one of the experiment's data sets
     * @return the protocol's splits of its table, the same on every call
     */
    public List<Split> splits(TableSource data) {
        Table table = data.table();
        return protocol.splits(table.rowCount(), strata(data));
    }

    /** Class index per row for stratified protocols; null for regression. */
    private static int[] strata(TableSource data) {
        if (data.task() != Task.CLASSIFICATION) {
            return null;
        }
        Table table = data.table();
        CategoricalColumn labels = (CategoricalColumn) table.column(data.response());
        List<String> classes = data.classes();
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes.indexOf(labels.get(i));
        }
        return out;
    }

    /** @return where the (split, trainer) jobs run */
    public FoldExecutor executor() {
        return executor;
    }

    /** @return the folder results go under */
    public Path outputDirectory() {
        return outputDirectory;
    }

    /** @return the significance level of the tests against NPT */
    public double significanceLevel() {
        return significanceLevel;
    }
}
