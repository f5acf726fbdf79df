package org.npt4j.experiments;

/**
 * What runs a {@link SparkExecutor}'s jobs: the spark-npt module registers one through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.npt4j.experiments.SparkBackend}), so
 * that configurations name the Spark executor, and load, where that module is not on the classpath.
 */
public interface SparkBackend {

    /**
     * @param settings the executor's configuration
     * @return an executor that runs jobs as Spark tasks with those settings
     */
    FoldExecutor executor(SparkSettings settings);
}
