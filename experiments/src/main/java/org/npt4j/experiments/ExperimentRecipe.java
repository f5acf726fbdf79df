package org.npt4j.experiments;

import java.io.Serializable;
import java.util.List;

/**
 * What another JVM needs to rebuild a run's experiment exactly: the effective configuration, overrides
 * included, as OLCUT saves it (the {@code configuration.xml} of the run's folder), the experiment's
 * component name, and each data set's component name and file as the run names it. An executor that runs
 * jobs elsewhere (a Spark task) loads the configuration there, pointing each data set's {@code file} at
 * its own copy of the data, and so trains the trainers the run configured, on the same splits.
 *
 * @param configuration the effective configuration, as XML
 * @param experiment the experiment's component name
 * @param sources the data sets' component names, aligned with {@link Experiment#sources()}
 * @param dataFiles the data sets' files as the run names them (what provenance records), aligned with {@code sources}
 */
public record ExperimentRecipe(byte[] configuration, String experiment, List<String> sources, List<String> dataFiles)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the lists and checks that they align. */
    public ExperimentRecipe {
        configuration = configuration.clone();
        sources = List.copyOf(sources);
        dataFiles = List.copyOf(dataFiles);
        if (sources.size() != dataFiles.size()) {
            throw new IllegalArgumentException(sources.size() + " data sets but " + dataFiles.size() + " files");
        }
    }

    @Override
    public byte[] configuration() {
        return configuration.clone();
    }
}
