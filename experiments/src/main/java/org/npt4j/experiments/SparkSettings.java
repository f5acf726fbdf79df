package org.npt4j.experiments;

import java.util.Map;

/**
 * How a run uses Spark, as its {@link SparkExecutor} component is configured.
 *
 * @param component the component's name, for messages that name an override
 * @param master the Spark master URL; empty takes spark-submit's {@code --master}
 * @param appName the application's name in Spark's UI
 * @param executorCores {@code spark.executor.cores}; 0 leaves Spark's default
 * @param executorMemory {@code spark.executor.memory}; empty leaves Spark's default
 * @param threadsPerTask {@code spark.task.cpus}; 0 takes the trainers' largest thread count
 * @param settings further Spark settings, name to value
 */
public record SparkSettings(String component, String master, String appName, int executorCores, String executorMemory,
        int threadsPerTask, Map<String, String> settings) {

    /** Copies the settings. */
    public SparkSettings {
        settings = Map.copyOf(settings);
    }
}
