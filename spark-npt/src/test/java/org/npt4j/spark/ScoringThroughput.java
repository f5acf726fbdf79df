package org.npt4j.spark;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.npt4j.core.inference.NptModel;

/**
 * Measures batch scoring throughput on a local test cluster ({@link TestCluster}: executor JVMs of
 * their own on this machine) and prints rows/s per executor: rows / wall seconds / executors. The
 * model is trained in this JVM on a synthetic table ({@link ScoringFixtures#rings} for
 * classification, {@link ScoringFixtures#wave} for regression), the rows are generated on the
 * executors ({@link ScoringFixtures#generated}), and each timed run writes every scored row to
 * Spark's {@code noop} sink, so that it measures generating, converting, predicting and encoding
 * rows, without any storage. One untimed run first loads PyTorch and the model in every executor.
 *
 * <p>Run with {@code spark-npt/scoring-throughput.sh [options]} (builds the module, then runs this
 * class with the test classpath and the JVM options Spark needs), alone on the machine for figures
 * worth comparing. Options, each {@code --name value}:
 * <ul>
 *   <li>{@code --rows} rows scored per run (100000)</li>
 *   <li>{@code --executors} executor JVMs (2) and {@code --cores} cores each (1), with
 *       {@code --task-cpus} cores per task (1): intra-op threads per prediction</li>
 *   <li>{@code --partitions} partitions of the rows (4 per executor core)</li>
 *   <li>{@code --target} {@code classification} or {@code regression} (classification)</li>
 *   <li>{@code --embedding} e (8), {@code --depth} layers (2), {@code --context} context rows (150)</li>
 *   <li>{@code --batch} rows per batch (the model's predictionBatchSize, 256)</li>
 *   <li>{@code --repeats} timed runs (3); the median is reported too</li>
 * </ul>
 */
public final class ScoringThroughput {

    private ScoringThroughput() {}

    /**
     * @param args {@code --name value} options; see the class comment
     */
    public static void main(String[] args) {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "Training a %s model: e=%d, %d layers, %d context rows%n", o.target, o.embedding, o.depth,
                o.context);
        boolean classification = o.target.equals("classification");
        try (NptModel model = classification ? ScoringFixtures.ringsModel(o.context, o.embedding, o.depth)
                : ScoringFixtures.waveModel(o.context, o.embedding, o.depth)) {
            SparkSession spark = SparkSession.builder().config(TestCluster.conf("npt-scoring-throughput", o.executors, o.cores)
                    .set("spark.task.cpus", Integer.toString(o.taskCpus))).getOrCreate();
            try (NptSparkScorer base = NptSparkScorer.of(model)) {
                NptSparkScorer scorer = o.batch > 0 ? base.withBatchSize(o.batch) : base;
                int partitions = o.partitions > 0 ? o.partitions : 4 * o.executors * o.cores;
                run(scorer.score(ScoringFixtures.generated(spark, Math.min(o.rows, 10_000), partitions)));
                double[] perExecutor = new double[o.repeats];
                for (int r = 0; r < o.repeats; r++) {
                    double seconds = run(scorer.score(ScoringFixtures.generated(spark, o.rows, partitions)));
                    perExecutor[r] = o.rows / seconds / o.executors;
                    System.out.printf(Locale.ROOT, "run %d: %,d rows in %.2f s = %,.0f rows/s per executor%n", r + 1, o.rows,
                            seconds, perExecutor[r]);
                }
                Arrays.sort(perExecutor);
                System.out.printf(Locale.ROOT, "median: %,.0f rows/s per executor (%d executors x %d cores, spark.task.cpus=%d, "
                        + "%d partitions, batch %d; %s, e=%d, %d layers, %d context rows)%n", perExecutor[o.repeats / 2], o.executors,
                        o.cores, o.taskCpus, partitions, scorer.batchSize(), o.target, o.embedding, o.depth, o.context);
            } finally {
                spark.stop();
            }
        }
    }

    /** @return wall seconds to score and write every row to the noop sink */
    private static double run(Dataset<Row> scored) {
        long start = System.nanoTime();
        scored.write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The command line's options, with the defaults of the test's measurement. */
    private static final class Options {
        long rows = 100_000;
        int executors = 2;
        int cores = 1;
        int taskCpus = 1;
        int partitions;
        String target = "classification";
        int embedding = 8;
        int depth = 2;
        int context = 150;
        int batch;
        int repeats = 3;

        static Options parse(String[] args) {
            Options o = new Options();
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("Options come as --name value pairs, got " + Arrays.toString(args));
            }
            for (int i = 0; i < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--rows" -> o.rows = Long.parseLong(v);
                    case "--executors" -> o.executors = Integer.parseInt(v);
                    case "--cores" -> o.cores = Integer.parseInt(v);
                    case "--task-cpus" -> o.taskCpus = Integer.parseInt(v);
                    case "--partitions" -> o.partitions = Integer.parseInt(v);
                    case "--target" -> o.target = v;
                    case "--embedding" -> o.embedding = Integer.parseInt(v);
                    case "--depth" -> o.depth = Integer.parseInt(v);
                    case "--context" -> o.context = Integer.parseInt(v);
                    case "--batch" -> o.batch = Integer.parseInt(v);
                    case "--repeats" -> o.repeats = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; see ScoringThroughput's Javadoc");
                }
            }
            if (!o.target.equals("classification") && !o.target.equals("regression")) {
                throw new IllegalArgumentException("--target is classification or regression, got " + o.target);
            }
            if (o.repeats < 1 || o.rows < 1) {
                throw new IllegalArgumentException("--rows and --repeats must be at least 1");
            }
            return o;
        }
    }
}
