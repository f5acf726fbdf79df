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
 * An experiment as an OLCUT component: a {@link TableSource}, a {@link Protocol} and the Tribuo
 * trainers to compare on it. Loading the configuration checks that everything fits together (the
 * file, the response, each trainer's output type against the response's type), so a mistake fails
 * before anything trains. {@link ExperimentRunner} runs it.
 */
public final class Experiment implements Configurable {

    @ConfigurableName
    private String name;

    @Config(description = "A line describing the experiment, printed above the results.")
    private String title = "";

    @Config(mandatory = true, description = "The data: file, response column and categorical columns.")
    private TableSource source;

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
        Set<Trainer<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Task task = source.task();
        for (Trainer<?> t : trainers) {
            if (!seen.add(t)) {
                throw new PropertyException(name, "trainers", "lists the trainer " + t + " twice");
            }
            Task handles = TrainerTasks.taskOf(t);
            if (handles != null && handles != task) {
                throw new PropertyException(name, "trainers", "Trainer " + t.getClass().getSimpleName() + " is for "
                        + handles.name().toLowerCase() + ", but response column '" + source.response() + "' makes this a "
                        + task.name().toLowerCase() + " task");
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

    /** @return the dataset and the protocol in one line, for headers */
    public String describe() {
        return source + ", " + protocol.describe(source.task());
    }

    /** @return the data */
    public TableSource source() {
        return source;
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

    /** @return the protocol's splits of the source table, the same on every call */
    public List<Split> splits() {
        Table table = source.table();
        return protocol.splits(table.rowCount(), strata(table));
    }

    /** Class index per row for stratified protocols; null for regression. */
    private int[] strata(Table table) {
        if (source.task() != Task.CLASSIFICATION) {
            return null;
        }
        CategoricalColumn labels = (CategoricalColumn) table.column(source.response());
        List<String> classes = source.classes();
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes.indexOf(labels.get(i));
        }
        return out;
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
