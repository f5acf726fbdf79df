package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.ConfigurableName;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs the (split, trainer) jobs as Spark tasks: the {@code spark} component of every shipped
 * configuration, chosen with {@code --@executor spark}. This component holds the configuration; the
 * spark-npt module runs the jobs ({@link SparkBackend}), so a configuration that names it loads, and
 * runs in-process, where Spark is absent. Results do not depend on it: every job trains what
 * {@link FoldWork} trains in-process.
 */
public final class SparkExecutor implements FoldExecutor {

    @ConfigurableName
    private String name = "spark";

    @Config(description = "Spark master URL: spark://host:7077 for a standalone cluster, yarn, k8s://..., local[n]; "
            + "empty takes spark-submit's --master.")
    private String master = "";

    @Config(description = "The application's name in Spark's UI.")
    private String appName = "npt4j experiment";

    @Config(description = "Cores of each executor JVM (spark.executor.cores); 0 leaves Spark's default.")
    private int executorCores = 0;

    @Config(description = "Memory of each executor JVM, e.g. 4g (spark.executor.memory); empty leaves Spark's default.")
    private String executorMemory = "";

    @Config(description = "Cores given to each job's task (spark.task.cpus), at least the largest thread count the trainers "
            + "are configured with; 0 takes that count.")
    private int threadsPerTask = 0;

    @Config(description = "Further Spark settings, name to value (e.g. spark.executor.extraJavaOptions).")
    private Map<String, String> settings = new HashMap<>();

    private FoldExecutor backend;

    /** For OLCUT. */
    private SparkExecutor() {}

    @Override
    public void postConfig() {
        if (threadsPerTask < 0) {
            throw new PropertyException(name, "threadsPerTask", "must be 0 (the trainers' thread count) or more, found " + threadsPerTask);
        }
        if (executorCores < 0) {
            throw new PropertyException(name, "executorCores", "must be 0 (Spark's default) or more, found " + executorCores);
        }
        if (executorCores > 0 && threadsPerTask > executorCores) {
            throw new PropertyException(name, "threadsPerTask", threadsPerTask + " threads per task do not fit in executors of "
                    + executorCores + " cores");
        }
    }

    /** @return the configuration */
    public SparkSettings sparkSettings() {
        return new SparkSettings(name, master, appName, executorCores, executorMemory, threadsPerTask, settings);
    }

    /** The spark-npt module's executor, found when first needed. */
    private FoldExecutor backend() {
        if (backend == null) {
            SparkBackend found = ServiceLoader.load(SparkBackend.class).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "the Spark executor runs in the spark-npt module, which is not on the classpath: put its jar "
                    + "(spark-npt/target/spark-npt-*-cluster.jar) on the classpath or run through spark-submit (README, \"Spark\")"));
            backend = found.executor(sparkSettings());
        }
        return backend;
    }

    @Override
    public void prepare(Experiment experiment, List<String> names) {
        backend().prepare(experiment, names);
    }

    @Override
    public void run(FoldBatch batch, Sink sink) throws IOException {
        backend().run(batch, sink);
    }

    @Override
    public String describe() {
        return backend().describe();
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }
}
