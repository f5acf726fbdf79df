package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.STEPS;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.training.NptTrainer;

/**
 * Native memory over a long training run of one shape: resident memory and the number of live
 * native arrays after every step. A leak of arrays shows as a rising array count; memory the
 * allocator keeps and never reuses shows as a rising RSS with a flat count. The first
 * {@link #settle(int)} steps are excluded, since the allocator's pools grow to their working size
 * and the optimiser makes its state there. The per-step series goes to {@code target/native-growth-<shape>.csv}.
 */
final class NativeGrowth {

    static final String HEADER = "shape,steps,rss_after_settling_mb,rss_end_mb,rss_growth_mb,slope_mb_per_100_steps,"
            + "heap_committed_growth_mb,rss_minus_heap_growth_mb,"
            + "live_arrays_after_settling,live_arrays_min,live_arrays_max,live_arrays_end,peak_rss_mb";

    private NativeGrowth() {}

    /**
     * @return the steps excluded before growth is measured: a tenth of the run, and at least past
     *     Lookahead's first synchronisation (step 6), where its slow copy of the weights is made
     */
    static int settle(int steps) {
        return Math.max(10, steps / 10);
    }

    /**
     * @param shape the shape, trained for {@code steps} steps instead of its own count
     * @param steps steps to run
     * @return the summary as tab-separated fields in {@link #HEADER}'s order
     * @throws IOException if the series cannot be written
     */
    static String run(BenchmarkShape shape, int steps) throws IOException {
        NptConfig config = shape.config().toBuilder().set(STEPS, steps).build();
        double[] rss = new double[steps + 1];
        double[] heap = new double[steps + 1];
        int[] arrays = new int[steps + 1];
        long[] stamps = new long[steps + 1];
        NptTrainer trainer = new NptTrainer(config, p -> {
            stamps[p.step()] = System.nanoTime();
            rss[p.step()] = ProcessMemory.rssMb();
            // The Java heap is part of RSS; G1 keeps growing it for a while, which is not native memory.
            heap[p.step()] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (1024.0 * 1024.0);
            arrays[p.step()] = Engines.liveArrays();
            if (p.step() % 10 == 0 || p.step() == p.totalSteps()) {
                System.out.println(p.format());
            }
        });
        try (NptModel model = trainer.fit(shape.table().get(), shape.targets(), null)) {
            // Only the training run is measured; the model is closed at once.
        }
        writeSeries(shape.name(), rss, heap, arrays, stamps);
        int from = settle(steps);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int s = from; s <= steps; s++) {
            min = Math.min(min, arrays[s]);
            max = Math.max(max, arrays[s]);
        }
        return String.join("\t", shape.name(), Integer.toString(steps), f0(rss[from]), f0(rss[steps]),
                f1(rss[steps] - rss[from]), f1(100 * slope(rss, from, steps)), f1(heap[steps] - heap[from]),
                f1((rss[steps] - heap[steps]) - (rss[from] - heap[from])), Integer.toString(arrays[from]),
                Integer.toString(min), Integer.toString(max), Integer.toString(arrays[steps]), f0(ProcessMemory.peakRssMb()));
    }

    /** @return the least-squares slope of y over steps from..to, per step */
    static double slope(double[] y, int from, int to) {
        double n = to - from + 1;
        double mx = 0;
        double my = 0;
        for (int s = from; s <= to; s++) {
            mx += s;
            my += y[s];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int s = from; s <= to; s++) {
            sxy += (s - mx) * (y[s] - my);
            sxx += (s - mx) * (s - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static void writeSeries(String shape, double[] rss, double[] heap, int[] arrays, long[] stamps)
            throws IOException {
        StringBuilder csv = new StringBuilder("step,rss_mb,heap_committed_mb,live_arrays,step_ms\n");
        for (int s = 1; s < rss.length; s++) {
            // Step 1 has no previous stamp: its time includes setting up the run.
            String ms = s == 1 ? "" : String.format(Locale.ROOT, "%.1f", (stamps[s] - stamps[s - 1]) / 1e6);
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.1f,%d,%s%n", s, rss[s], heap[s], arrays[s], ms));
        }
        Path out = Path.of("target");
        Files.createDirectories(out);
        Files.writeString(out.resolve("native-growth-" + shape + ".csv"), csv);
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
