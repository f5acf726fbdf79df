package org.npt4j.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.npt4j.experiments.Experiment;
import org.npt4j.experiments.FoldBatch;
import org.npt4j.experiments.FoldExecutor;
import org.npt4j.experiments.FoldJob;
import org.npt4j.experiments.FoldOutput;
import org.npt4j.experiments.SparkBackend;
import org.npt4j.experiments.SparkExecutor;
import org.npt4j.experiments.SparkSettings;
import org.npt4j.experiments.score.FoldResult;
import scala.Option;

/**
 * Runs an experiment's (split, trainer) jobs as Spark tasks, for the experiments module's
 * {@link SparkExecutor} component ({@code --@executor spark} with the shipped configurations), which
 * finds it through {@link Backend}. The effective
 * configuration and the data files are broadcast once ({@link ShippedExperiment}); each job is a
 * one-task Spark job ({@link FoldTask}) that rebuilds the experiment in its executor and trains what
 * an in-process run trains, so per-fold scores are the same. A sweep trainer's job (NPT with
 * {@code variants}) becomes one task per variant and then one that keeps the best ({@link SparkJob}).
 * The driver writes every file as each job finishes, so a run stopped part-way keeps what finished and
 * {@code --resume} runs the rest.
 *
 * <p>Failures: a trainer that fails gives a failed result, as in-process. A task lost with its
 * executor (the JVM killed, the machine gone) is run again by Spark, up to {@code spark.task.maxFailures}
 * attempts; a job Spark gives up on is recorded as failed for its fold, naming Spark's reason, and the
 * other jobs go on.
 *
 * <p>Threads: each task is given ({@code spark.task.cpus}) as many cores as its trainers run threads
 * ({@link TaskThreads}), so that PyTorch's and XGBoost's pools never share cores with the executor's
 * other tasks. With executors of {@code c} cores, {@code c / threadsPerTask} jobs run per executor.
 *
 * <p>The Spark application: when a {@link SparkSession} is already running in this JVM (a notebook,
 * a test), its context is used and left running; otherwise one is started from {@code master} and the
 * other settings (or, under {@code spark-submit}, from its command line) and stopped when the run ends.
 */
final class SparkFoldExecutor implements FoldExecutor {

    /** How often the driver looks for finished jobs. */
    private static final long POLL_MILLIS = 200;

    private final SparkSettings config;
    private SparkSession started;

    /** @param config the {@link SparkExecutor} component's settings */
    SparkFoldExecutor(SparkSettings config) {
        this.config = config;
    }

    /** Registered for {@link java.util.ServiceLoader}: {@link SparkExecutor} finds the module through it. */
    public static final class Backend implements SparkBackend {
        @Override
        public FoldExecutor executor(SparkSettings settings) {
            return new SparkFoldExecutor(settings);
        }
    }

    @Override
    public void run(FoldBatch batch, Sink sink) throws IOException {
        if (batch.jobs().isEmpty()) {
            return;
        }
        if (batch.recipe() == null) {
            throw new IllegalStateException("the Spark executor rebuilds the experiment from its configuration in every task; "
                    + "run it through Compare (-c <config>), which hands the configuration over");
        }
        Experiment experiment = batch.experiment();
        JavaSparkContext sc = prepared(experiment, batch.names());
        Broadcast<ShippedExperiment> shipped = sc.broadcast(ShippedExperiment.of(batch.recipe(), batch.names(), experiment.sources()));
        String group = "npt4j-" + UUID.randomUUID();
        List<SparkJob> pending = new ArrayList<>();
        try {
            // Submitted in the in-process order, so that Spark's FIFO scheduler starts them in that order.
            for (FoldJob job : batch.jobs()) {
                pending.add(new SparkJob(sc, shipped, job, batch.splits().get(job.split()), batch.names().get(job.trainer()),
                        batch.work().variants(job.trainer()), group));
            }
            sc.clearJobGroup();
            while (!pending.isEmpty()) {
                boolean any = false;
                for (Iterator<SparkJob> it = pending.iterator(); it.hasNext();) {
                    Optional<FoldOutput> output = it.next().poll();
                    if (output.isPresent()) {
                        it.remove();
                        any = true;
                        FoldResult result = output.get().result();
                        batch.display().started(result.trainer(), result.fold());
                        sink.accept(output.get());
                        batch.display().finished(result);
                    }
                }
                if (!any) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Spark's jobs", e);
        } finally {
            if (!pending.isEmpty()) {
                sc.cancelJobGroup(group);
            }
            sc.clearJobGroup();
            shipped.destroy();
        }
    }

    @Override
    public void prepare(Experiment experiment, List<String> names) {
        prepared(experiment, names);
    }

    /**
     * Checks that every trainer fits in one task's cores and returns the context the jobs run in,
     * starting the application if none is running.
     */
    private JavaSparkContext prepared(Experiment experiment, List<String> names) {
        int needed = TaskThreads.needed(experiment.trainers(), names);
        if (config.threadsPerTask() > 0 && config.threadsPerTask() < needed) {
            throw new IllegalArgumentException("threadsPerTask is " + config.threadsPerTask() + " but a trainer runs " + needed
                    + " threads; give the trainers fewer threads (--@threads " + config.threadsPerTask() + ") or the tasks more cores");
        }
        JavaSparkContext sc = context(config.threadsPerTask() > 0 ? config.threadsPerTask() : needed);
        int cpus = sc.getConf().getInt("spark.task.cpus", 1);
        if (cpus < needed) {
            throw new IllegalArgumentException("the running Spark application gives each task " + cpus + " core(s) (spark.task.cpus) "
                    + "but a trainer runs " + needed + " threads; start it with spark.task.cpus=" + needed
                    + " or give the trainers fewer threads (--@threads " + cpus + ")");
        }
        return sc;
    }

    /** The running session's context, or a new application started from this component's settings. */
    private JavaSparkContext context(int taskCpus) {
        Option<SparkSession> active = SparkSession.getActiveSession();
        if (active.isEmpty()) {
            active = SparkSession.getDefaultSession();
        }
        if (active.isDefined()) {
            return JavaSparkContext.fromSparkContext(active.get().sparkContext());
        }
        if (started == null) {
            started = SparkSession.builder().config(conf(taskCpus)).getOrCreate();
        }
        return JavaSparkContext.fromSparkContext(started.sparkContext());
    }

    /** The settings of an application this executor starts: spark-submit's, then this component's. */
    private SparkConf conf(int taskCpus) {
        SparkConf conf = new SparkConf().setAppName(config.appName());
        if (!config.master().isEmpty()) {
            conf.setMaster(config.master());
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: set the executor's master (e.g. --@" + config.component()
                    + ".master spark://host:7077) or run under spark-submit --master ...");
        }
        if (config.executorCores() > 0) {
            conf.set("spark.executor.cores", Integer.toString(config.executorCores()));
        }
        if (!config.executorMemory().isEmpty()) {
            conf.set("spark.executor.memory", config.executorMemory());
        }
        conf.set("spark.task.cpus", Integer.toString(taskCpus));
        // An executor must never reach for the network for PyTorch's natives: they travel on the classpath.
        String javaOptions = conf.get("spark.executor.extraJavaOptions", "");
        if (!javaOptions.contains("ai.djl.offline")) {
            conf.set("spark.executor.extraJavaOptions", (javaOptions + " -Dai.djl.offline=true").trim());
        }
        config.settings().forEach(conf::set);
        return conf;
    }

    @Override
    public String describe() {
        Option<SparkSession> active = SparkSession.getDefaultSession();
        String where = active.isDefined() ? "the running Spark application (master " + active.get().sparkContext().master() + ")"
                : config.master().isEmpty() ? "spark-submit's master" : config.master();
        return String.format(Locale.ROOT, "as Spark tasks on %s, %s per task", where,
                config.threadsPerTask() == 0 ? "as many cores as the trainers' threads" : config.threadsPerTask() + " core(s)");
    }

    @Override
    public void close() {
        if (started != null) {
            started.stop();
            started = null;
        }
    }
}
