package org.npt4j.spark;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npt4j.experiments.Experiment;
import org.npt4j.experiments.ExperimentRecipe;
import org.npt4j.experiments.TableSource;

/**
 * An experiment as it travels to Spark's executors, broadcast once per run: the effective
 * configuration, the trainers' display names and the bytes of every data file. The data travel with it
 * because an executor cannot be assumed to see the driver's files (nor its working directory, which
 * relative paths in the configuration start from); NPT's data sets are small enough to broadcast.
 *
 * @param recipe the configuration and the data sets' component names and files
 * @param names the trainers' display names, aligned with {@link Experiment#trainers()}
 * @param data each data file's bytes, aligned with {@link ExperimentRecipe#sources()}
 * @param fileNames each data file's own name, whose extension says its format
 */
record ShippedExperiment(ExperimentRecipe recipe, List<String> names, List<byte[]> data, List<String> fileNames)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Reads the data files the run loaded.
     *
     * @param recipe the run's configuration
     * @param names the trainers' display names
     * @param sources the experiment's data sets, aligned with the recipe's
     * @return the experiment, ready to broadcast
     * @throws IOException if a data file cannot be read
     */
    static ShippedExperiment of(ExperimentRecipe recipe, List<String> names, List<TableSource> sources) throws IOException {
        List<byte[]> data = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        for (TableSource s : sources) {
            data.add(Files.readAllBytes(s.file()));
            fileNames.add(s.file().getFileName().toString());
        }
        return new ShippedExperiment(recipe, List.copyOf(names), data, fileNames);
    }

    /**
     * Loads the experiment in this JVM: writes the configuration and the data files into {@code dir}
     * and loads the configuration with each data set's {@code file} pointing at its copy.
     *
     * @param dir an empty folder the caller deletes afterwards
     * @return the configuration, which the caller closes, and its experiment
     * @throws IOException if the files cannot be written
     */
    Loaded load(Path dir) throws IOException {
        Path config = dir.resolve("configuration.xml");
        Files.write(config, recipe.configuration());
        List<String> args = new ArrayList<>(List.of("-c", config.toString()));
        for (int i = 0; i < data.size(); i++) {
            // Numbered, so that two data sets whose files share a name stay apart.
            Path copy = dir.resolve(i + "-" + fileNames.get(i));
            Files.write(copy, data.get(i));
            args.add("--@" + recipe.sources().get(i) + ".file");
            args.add(copy.toString());
        }
        ConfigurationManager cm = new ConfigurationManager(args.toArray(String[]::new));
        try {
            if (!(cm.lookup(recipe.experiment()) instanceof Experiment experiment)) {
                throw new IllegalStateException("component '" + recipe.experiment() + "' is not an Experiment");
            }
            return new Loaded(cm, experiment);
        } catch (RuntimeException e) {
            cm.close();
            throw e;
        }
    }

    /**
     * A loaded configuration and its experiment.
     *
     * @param cm the configuration
     * @param experiment the experiment in it
     */
    record Loaded(ConfigurationManager cm, Experiment experiment) implements AutoCloseable {
        @Override
        public void close() {
            cm.close();
        }
    }
}
