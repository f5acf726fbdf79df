package org.npt4j.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.when;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/** Tiny models and the tables and Datasets the scoring tests score with them. */
final class ScoringFixtures {

    static final String[] COLOURS = {"red", "green", "blue"};

    private ScoringFixtures() {}

    /**
     * @param embedding the embedding size e
     * @param depth layers
     * @return a tiny configuration: full-batch, few steps, a high learning rate
     */
    static NptConfig tiny(int embedding, int depth) {
        return NptConfig.builder(Preset.CPU_FAST).set(EMBEDDING_DIM, embedding).set(DEPTH, depth).set(HEADS, 2)
                .set(STEPS, 25).set(BATCH_SIZE, 0).set(EVALUATION_INTERVAL, 5).set(VALIDATION_FRACTION, 0.1)
                .set(LEARNING_RATE, 1e-2).set(SEED, 7L).build();
    }

    /**
     * Two rings: class "inner" within radius 1, "outer" from 1.5 to 2.5, and a categorical noise column.
     *
     * @param n rows
     * @return columns x1, x2 (numerical), colour (categorical) and label
     */
    static Table rings(int n) {
        SplittableRandom r = new SplittableRandom(11);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] colour = new String[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i % 2 == 0;
            double radius = inner ? r.nextDouble() : 1.5 + r.nextDouble();
            double angle = r.nextDouble() * 2 * Math.PI;
            x1[i] = radius * Math.cos(angle);
            x2[i] = radius * Math.sin(angle);
            colour[i] = COLOURS[r.nextInt(3)];
            label[i] = inner ? "inner" : "outer";
        }
        return Table.builder().numeric("x1", x1).numeric("x2", x2).categorical("colour", colour).categorical("label", label)
                .build();
    }

    /**
     * @param n rows
     * @return columns x1, x2 and y = sin(2·x1) + x2²
     */
    static Table wave(int n) {
        SplittableRandom r = new SplittableRandom(13);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-1.5, 1.5);
            x2[i] = r.nextDouble(-1.5, 1.5);
            y[i] = Math.sin(2 * x1[i]) + x2[i] * x2[i];
        }
        return Table.builder().numeric("x1", x1).numeric("x2", x2).numeric("y", y).build();
    }

    /** @return a classifier of {@link #rings} on {@code contextRows} rows */
    static NptModel ringsModel(int contextRows, int embedding, int depth) {
        return new NptTrainer(tiny(embedding, depth)).fit(rings(contextRows), "label");
    }

    /** @return a regressor of {@link #wave} on {@code contextRows} rows */
    static NptModel waveModel(int contextRows, int embedding, int depth) {
        return new NptTrainer(tiny(embedding, depth)).fit(wave(contextRows), "y");
    }

    /**
     * Rows computed from their id, so that any number of them can be generated on the executors: x1
     * and x2 within the training range, colour cycling through the three colours; every 97th x2 and
     * every 101st colour null (missing).
     *
     * @param spark the session
     * @param rows how many rows
     * @param partitions how many partitions
     * @return columns id (long), x1, x2 (double), colour (string)
     */
    static Dataset<Row> generated(SparkSession spark, long rows, int partitions) {
        Column id = col("id");
        Column x2 = cos(id.multiply(0.91)).multiply(1.4);
        Column colour = element_at(array(lit(COLOURS[0]), lit(COLOURS[1]), lit(COLOURS[2])), pmod(id, lit(3L)).plus(1).cast("int"));
        return spark.range(0, rows, 1, partitions).select(id,
                sin(id.multiply(0.37)).multiply(1.4).as("x1"),
                when(pmod(id, lit(97L)).equalTo(0), lit(null).cast("double")).otherwise(x2).as("x2"),
                when(pmod(id, lit(101L)).equalTo(0), lit(null).cast("string")).otherwise(colour).as("colour"));
    }

    /**
     * The model's input for collected rows, built here independently of the scorer: null is NaN or a
     * null label, as core's tables mark missing cells.
     *
     * @param rows rows of {@link #generated}
     * @param withColour whether to include the colour column
     * @return the table
     */
    static Table table(List<Row> rows, boolean withColour) {
        int n = rows.size();
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] colour = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            x1[i] = r.isNullAt(r.fieldIndex("x1")) ? Double.NaN : r.getDouble(r.fieldIndex("x1"));
            x2[i] = r.isNullAt(r.fieldIndex("x2")) ? Double.NaN : r.getDouble(r.fieldIndex("x2"));
            colour[i] = r.getString(r.fieldIndex("colour"));
        }
        Table.Builder b = Table.builder().numeric("x1", x1).numeric("x2", x2);
        return (withColour ? b.categorical("colour", colour) : b).build();
    }
}
