package org.npt4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * A real Spark cluster on this machine for tests, built from the test classpath alone: Spark's
 * {@code local-cluster[N,cores,memory]} master runs a standalone master and N workers inside the test
 * JVM, and each worker launches its executor as a JVM of its own, as a standalone cluster does.
 *
 * <p>A worker builds its executor's command line from a Spark installation ({@code SPARK_HOME}); the
 * build points {@code SPARK_HOME} at {@code target/spark-home}, which this class lays out as an empty
 * release (a {@code RELEASE} file and an empty {@code jars/}) so that the executors' classpath is the
 * test classpath alone, passed as {@code spark.executor.extraClassPath}.
 */
final class TestCluster {

    private TestCluster() {}

    /**
     * @param app the application name
     * @param executors how many executor JVMs
     * @param cores cores per executor
     * @return the configuration of a cluster of {@code executors} executors of {@code cores} cores and 1 GiB each
     */
    static SparkConf conf(String app, int executors, int cores) {
        prepareSparkHome();
        return base("local-cluster[" + executors + "," + cores + ",1024]", app)
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.extraJavaOptions", "-Dai.djl.offline=true")
                .set("spark.executorEnv.DJL_OFFLINE", "true");
    }

    /**
     * In-process Spark, for tests that need no executor JVMs of their own.
     *
     * @param app the application name
     * @param threads the {@code local[n]} task threads; a failed task is not retried
     * @return the session, started
     */
    static SparkSession inProcess(String app, int threads) {
        return SparkSession.builder().config(base("local[" + threads + "]", app)).getOrCreate();
    }

    /** The settings every test application shares: no web UI, the driver on the loopback address. */
    private static SparkConf base(String master, String app) {
        return new SparkConf().setMaster(master).setAppName(app).set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1");
    }

    /** @return the executor JVMs this test JVM's workers launched, alive now */
    static List<ProcessHandle> executorProcesses() {
        return ProcessHandle.current().descendants().filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend")).toList();
    }

    /**
     * @param executorId Spark's id of an executor
     * @return its JVM
     * @throws IllegalStateException if no live executor JVM has that id
     */
    static ProcessHandle executorProcess(String executorId) {
        String flag = " --executor-id " + executorId + " ";
        return ProcessHandle.current().descendants().filter(p -> (commandLine(p) + " ").contains(flag)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no executor JVM with id " + executorId));
    }

    /** Read from /proc: {@link ProcessHandle.Info} gives no arguments for a command line as long as an executor's classpath. */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // the process has exited
        }
    }

    private static void prepareSparkHome() {
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new IllegalStateException("SPARK_HOME is not set: run the tests through Maven, which sets it to target/spark-home");
        }
        Path dir = Path.of(home);
        try {
            Files.createDirectories(dir.resolve("jars"));
            // The launcher asks a source build's layout for the Scala version when SPARK_SCALA_VERSION is unset.
            Files.createDirectories(dir.resolve("launcher/target/scala-2.13"));
            Files.writeString(dir.resolve("RELEASE"), "npt4j test cluster: the executors' classpath is the test classpath\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
