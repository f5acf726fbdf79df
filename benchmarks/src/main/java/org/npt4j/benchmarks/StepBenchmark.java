package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.STEPS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.NativeHeap;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * NPT's speed and memory per shape ({@link BenchmarkShape}), one child JVM per shape so that each peak is
 * its own, plus the machine's matrix-multiply throughput through the same engine
 * ({@link MatmulPeak}) in a child of its own. For each shape: the median time of a training step
 * (masking, batch upload, forward, backward, clipping, LAMB and Lookahead), the matrix FLOP/s that
 * step achieves ({@link FlopModel}) as a fraction of the matMul throughput, prediction throughput
 * against the stored context (and whether it is linear in the number of rows), peak heap, peak
 * RSS next to an estimate of the memory the step needs, and RSS growth over the timed steps. With
 * {@code --growth}, native memory over long runs instead ({@link NativeGrowth}, 300 steps by default).
 *
 * <pre>
 *   StepBenchmark                       # the default shapes, results in target/
 *   StepBenchmark --growth bc-paper 300 # native memory over 300 steps
 *   StepBenchmark bc-cpu,scale-1024     # chosen shapes
 *   StepBenchmark --results ...         # also writes RESULTS.md with the machine description
 * </pre>
 */
public final class StepBenchmark {

    private static final String HEADER = "shape,description,batch_rows,steps_measured,median_step_ms,min_step_ms,max_step_ms,"
            + "parameters,gflop_per_step,achieved_gflops,fraction_of_matmul,predict_rows_per_s,predict_linearity,"
            + "peak_rss_mb,estimated_need_mb,peak_heap_mb,rss_growth_after_warmup_mb,intra_op_threads";

    static final String STEP_SECTION = "Training step, prediction and peak memory";
    static final String GROWTH_SECTION = "Native memory over long runs";

    private StepBenchmark() {}

    /**
     * @param args {@code [--results] [shape,shape...]} to run shapes in child JVMs;
     *     {@code --growth [--results] [shape,shape...] [steps]} to measure native memory over long runs;
     *     {@code --run shape}, {@code --run-growth shape steps} or {@code --matmul} in this JVM. Arguments
     *     may also come as one space-separated string (as Maven's exec plugin passes them).
     * @throws Exception if a child fails
     */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(String.join(" ", args).trim().split("\\s+")));
        rest.removeIf(String::isEmpty);
        if (rest.size() == 2 && rest.get(0).equals("--run")) {
            System.out.println("RESULT " + run(BenchmarkShape.named(rest.get(1))));
            return;
        }
        if (rest.size() == 3 && rest.get(0).equals("--run-growth")) {
            System.out.println("RESULT " + NativeGrowth.run(BenchmarkShape.named(rest.get(1)), Integer.parseInt(rest.get(2))));
            return;
        }
        if (rest.size() == 1 && rest.get(0).equals("--matmul")) {
            System.out.println("RESULT " + String.format(Locale.ROOT, "%.1f", MatmulPeak.gflops(2048, 9)));
            return;
        }
        boolean results = rest.remove("--results");
        boolean growth = rest.remove("--growth");
        if (growth) {
            String names = rest.isEmpty() ? BenchmarkShape.GROWTH_DEFAULT : rest.get(0);
            growth(names, rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 300, results);
        } else {
            steps(rest.isEmpty() ? BenchmarkShape.DEFAULT : rest.get(0), results);
        }
    }

    private static void steps(String names, boolean results) throws Exception {
        double peak = Double.parseDouble(child("--matmul"));
        System.out.printf(Locale.ROOT, "float32 matMul 2048x2048 through PyTorch: %.1f GFLOP/s%n", peak);
        List<String[]> rows = new ArrayList<>();
        for (String name : names.split(",")) {
            String[] f = child("--run", name.trim()).split("\t", -1);
            f[10] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(f[9]) / peak);
            rows.add(f);
        }
        String md = markdown(rows, peak);
        System.out.println(md);
        write("step-benchmark", HEADER, rows, md);
        if (results) {
            ResultsFile.replaceSection(Path.of("RESULTS.md"), STEP_SECTION, Machine.describe() + "\n" + md);
            System.out.println("written to " + Path.of("RESULTS.md").toAbsolutePath());
        }
    }

    private static void growth(String names, int steps, boolean results) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String name : names.split(",")) {
            rows.add(child("--run-growth", name.trim(), Integer.toString(steps)).split("\t", -1));
        }
        StringBuilder md = new StringBuilder("| shape | steps | RSS after settling (MB) | RSS at end (MB) | RSS growth (MB) "
                + "| slope (MB per 100 steps) | Java heap committed growth (MB) | RSS minus heap growth (MB) "
                + "| live arrays after settling | min | max | at end | peak RSS (MB) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String[] f : rows) {
            md.append("| ").append(String.join(" | ", f)).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, """

                Resident memory and live native arrays are read after every step; the first %d steps, where \
                the allocator's pools grow to their working size and the optimiser makes its state, are left out of the growth, the slope (least \
                squares) and the array range. The per-step series are in `target/native-growth-<shape>.csv`.
                """, NativeGrowth.settle(steps)));
        System.out.println(md);
        write("native-growth", NativeGrowth.HEADER, rows, md.toString());
        if (results) {
            ResultsFile.replaceSection(Path.of("RESULTS.md"), GROWTH_SECTION, Machine.describe() + "\n" + md);
            System.out.println("written to " + Path.of("RESULTS.md").toAbsolutePath());
        }
    }

    private static void write(String name, String header, List<String[]> rows, String md) throws IOException {
        Path out = Path.of("target");
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (String[] f : rows) {
            csv.append(String.join(",", Arrays.stream(f).map(s -> s.contains(",") ? '"' + s + '"' : s).toList())).append('\n');
        }
        Files.writeString(out.resolve(name + ".csv"), csv);
        Files.writeString(out.resolve(name + ".md"), md);
        System.out.println("written to " + out.toAbsolutePath().resolve(name + ".{csv,md}"));
    }

    private static String markdown(List<String[]> rows, double peak) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "float32 matMul throughput (2048x2048, same engine and threads): **%.1f GFLOP/s**%n%n", peak));
        md.append("| shape | batch rows | timed steps | median step (ms) | min | max | parameters | GFLOP/step | GFLOP/s | of matMul "
                + "| predict rows/s | linearity | peak RSS (MB) | estimated need (MB) | peak heap (MB) "
                + "| RSS growth after warm-up (MB) | threads |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String[] f : rows) {
            md.append("| ").append(f[0]);
            for (int i = 2; i < f.length; i++) {
                md.append(" | ").append(f[i]);
            }
            md.append(" |\n");
        }
        md.append("\n");
        for (String[] f : rows) {
            md.append("- **").append(f[0]).append("**: ").append(f[1]).append('\n');
        }
        md.append("""

                GFLOP/step counts the matrix work only (a backward pass counted as two forwards); "of matMul" is \
                the achieved GFLOP/s over the matMul throughput. "linearity" is the time per predicted row for \
                1,024 rows over that for 256 rows against the same context (1.00 = linear). "estimated need" is \
                parameters, gradients, LAMB moments and Lookahead's copy, plus the activations autograd keeps. \
                "RSS growth after warm-up" is resident memory after the last timed step minus that after the \
                last warm-up step; the long-run growth is measured with `--growth`.
                """);
        return md.toString();
    }

    private static String child(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StepBenchmark.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        // The shape names the child (--run shape, --run-growth shape steps); --matmul names itself.
        String label = args.length > 1 ? args[1] : args[0];
        java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                } else if (line.startsWith("step ")) {
                    System.out.println("  [" + label + "] " + line);
                }
                tail.addLast(line);
                if (tail.size() > 30) {
                    tail.removeFirst();
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("benchmark " + label + " failed with exit code " + p.exitValue()
                    + "; its last output:\n" + String.join("\n", tail));
        }
        return result;
    }

    private static String run(BenchmarkShape shape) {
        NptConfig config = shape.config();
        Table table = shape.table().get();
        long[] stamps = new long[config.get(STEPS) + 1];
        double[] rss = new double[2];
        int warm = shape.warmup();
        NptTrainer trainer = new NptTrainer(config, p -> {
            stamps[p.step()] = System.nanoTime();
            if (p.step() == warm) {
                rss[0] = ProcessMemory.rssMb();
            } else if (p.step() == p.totalSteps()) {
                rss[1] = ProcessMemory.rssMb();
            }
            if (p.step() % 10 == 0 || p.step() == p.totalSteps()) {
                System.out.println(p.format());
            }
        });
        try (NptModel model = trainer.fit(table, shape.targets(), null)) {
            double[] ms = new double[shape.measured()];
            for (int i = 0; i < ms.length; i++) {
                int step = shape.warmup() + 1 + i;
                ms[i] = (stamps[step] - stamps[step - 1]) / 1e6;
            }
            Arrays.sort(ms);
            double median = ms[ms.length / 2];
            long batchRows = BenchmarkShape.batchRows(config, table);
            ColumnLayout layout = ColumnLayout.of(model.schema());
            long parameters = model.summary().parameterCount();
            double gflop = FlopModel.step(layout, config, batchRows) / 1e9;
            double[] prediction = predictionThroughput(model, table.withoutColumns(shape.targets()));
            double need = FlopModel.memoryBytes(layout, config, batchRows, parameters) / (1024.0 * 1024.0);
            return String.join("\t", shape.name(), shape.description(), Long.toString(batchRows),
                    Integer.toString(ms.length), f1(median), f1(ms[0]), f1(ms[ms.length - 1]), Long.toString(parameters),
                    String.format(Locale.ROOT, "%.2f", gflop), f1(gflop / (median / 1000)), "",
                    String.format(Locale.ROOT, "%.0f", prediction[0]), String.format(Locale.ROOT, "%.2f", prediction[1]),
                    f0(ProcessMemory.peakRssMb()), f0(need), f0(peakHeapMb()), f1(rss[1] - rss[0]),
                    Integer.toString(ai.djl.pytorch.jni.JniUtils.getNumThreads()));
        }
    }

    /** @return rows per second predicting 1,024 rows, and the per-row time for 1,024 over that for 256 */
    private static double[] predictionThroughput(NptModel model, Table features) {
        Table small = cycle(features, 256);
        Table large = cycle(features, 1024);
        // Warm-up at both sizes: loads the weights and lets the allocator and JIT settle.
        model.predict(small);
        model.predict(large);
        double tSmall = medianSeconds(() -> model.predict(small));
        double tLarge = medianSeconds(() -> model.predict(large));
        return new double[] {1024 / tLarge, (tLarge / 1024) / (tSmall / 256)};
    }

    private static Table cycle(Table t, int rows) {
        return t.selectRows(IntStream.range(0, rows).map(i -> i % t.rowCount()).toArray());
    }

    private static double medianSeconds(Runnable r) {
        double[] s = new double[5];
        for (int i = 0; i < s.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        return s[2];
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** The machine and engine settings every result is recorded with. */
    static final class Machine {
        private Machine() {}

        static String describe() throws IOException {
            String cpu = "unknown CPU";
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
            return String.format(Locale.ROOT, "- Machine: %s, %d cores, %s%n- Java %s (%s), %s%n"
                            + "- Threads: intra-op %d, inter-op %d, OpenMP waiting %s, MKL_CBWR=%s%n"
                            + "- Allocator: npt4j.malloc=%s (in effect: %s), GLIBC_TUNABLES=%s, MALLOC_ARENA_MAX=%s%n",
                    cpu, Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"),
                    System.getProperty("java.vm.name"), Engines.versions(), ai.djl.pytorch.jni.JniUtils.getNumThreads(),
                    ai.djl.pytorch.jni.JniUtils.getNumInteropThreads(), org.npt4j.core.engine.ThreadWaiting.describe(),
                    System.getenv().getOrDefault("MKL_CBWR", "unset (npt4j sets AUTO)"),
                    System.getProperty(NativeHeap.PROPERTY, "system"), NativeHeap.reusing() ? "reuse" : "system",
                    System.getenv().getOrDefault("GLIBC_TUNABLES", "unset"), System.getenv().getOrDefault("MALLOC_ARENA_MAX", "unset"));
        }
    }
}
