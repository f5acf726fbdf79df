package org.npt4j.core;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.SplittableRandom;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** Small synthetic tables and tiny configurations that keep the suite fast on two cores. */
public final class Fixtures {

    private Fixtures() {}

    /**
     * @return a tiny model: e = 16, 2 layers (1 ABD + 1 ABA), 2 heads, a high learning rate, and
     *     stochastic target masking so that tests exercise training labels as context
     */
    public static NptConfig.Builder tiny() {
        return NptConfig.builder(Preset.CPU_FAST)
                .set(EMBEDDING_DIM, 16).set(DEPTH, 2).set(HEADS, 2)
                .set(STEPS, 30).set(BATCH_SIZE, 0).set(EVALUATION_INTERVAL, 5).set(VALIDATION_FRACTION, 0.1)
                .set(LEARNING_RATE, 1e-2).set(TARGET_MASK_PROBABILITY, 0.5).set(SEED, 7L);
    }

    /**
     * Two interleaved rings: class "inner" within radius 1, "outer" beyond 1.5; not linearly separable.
     *
     * @param n rows
     * @param seed seed
     * @return columns x1, x2 (numerical), colour (categorical noise) and label
     */
    public static Table rings(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
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
            colour[i] = new String[] {"red", "green", "blue"}[r.nextInt(3)];
            label[i] = inner ? "inner" : "outer";
        }
        return Table.builder().numeric("x1", x1).numeric("x2", x2).categorical("colour", colour)
                .categorical("label", label).build();
    }

    /**
     * y = sin(2·x1) + x2², a smooth nonlinear regression without noise.
     *
     * @param n rows
     * @param seed seed
     * @return columns x1, x2, y
     */
    public static Table wave(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
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

    /**
     * @param n rows
     * @param role the role for every row
     * @return the roles
     */
    public static RowRole[] roles(int n, RowRole role) {
        return org.npt4j.core.table.RowRoles.filled(n, role);
    }

    /**
     * Runs {@code body} with a system property set, then restores what was there before.
     *
     * @param name the property
     * @param value its value during {@code body}
     * @param body the code to run
     * @param <T> what {@code body} returns
     * @return what {@code body} returned
     */
    public static <T> T withProperty(String name, String value, java.util.function.Supplier<T> body) {
        String old = System.getProperty(name);
        System.setProperty(name, value);
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, old);
            }
        }
    }
}
