package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.ThreadWaiting;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.training.NptTrainer;

/**
 * Trains one shape several times at once in this JVM, one Java thread per training, and prints the
 * wall time of each and of all. Run it once with 2 trainings for "two trainings in one JVM", or start
 * it twice with 1 for "two JVMs"; compare with 1 training alone. Trainings in one JVM take turns on
 * npt4j's training lock (DJL allows one gradient collector per JVM), so there they never compete
 * for the cores; two JVMs do.
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.ConcurrentTrainings -Dbench.shapes="bc-cpu 2 200"</pre>
 *
 * Arguments: shape, number of trainings (default 2), steps per training (default: the shape's).
 */
public final class ConcurrentTrainings {

    private ConcurrentTrainings() {}

    /**
     * @param args shape, trainings, steps; may come as one space-separated string
     * @throws Exception if a training fails
     */
    public static void main(String[] args) throws Exception {
        String[] a = String.join(" ", args).trim().split("\\s+");
        BenchmarkShape shape = BenchmarkShape.named(a.length > 0 && !a[0].isEmpty() ? a[0] : "bc-cpu");
        int trainings = a.length > 1 ? Integer.parseInt(a[1]) : 2;
        int steps = a.length > 2 ? Integer.parseInt(a[2]) : shape.config().get(STEPS);
        Engines.pytorch();
        ExecutorService pool = Executors.newFixedThreadPool(trainings);
        long start = System.nanoTime();
        List<Future<Double>> runs = new ArrayList<>();
        for (int t = 0; t < trainings; t++) {
            NptConfig config = shape.config().toBuilder().set(STEPS, steps).set(SEED, 42L + t).build();
            runs.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                try (NptModel model = new NptTrainer(config).fit(shape.table().get(), shape.targets(), null)) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            }));
        }
        StringBuilder each = new StringBuilder();
        for (Future<Double> f : runs) {
            each.append(String.format(Locale.ROOT, " %.1f", f.get()));
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "RESULT %s trainings=%d steps=%d wall=%.1f s each=%s s; %s%n", shape.name(), trainings, steps,
                (System.nanoTime() - start) / 1e9, each.toString().trim(), ThreadWaiting.describe());
    }
}
