package org.npt4j.benchmarks;

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
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.BundledDatasets;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Times NPT training steps and records peak memory, one shape per child JVM so that each peak is
 * its own. A step is everything the trainer does for one optimiser step: masking, batch upload,
 * forward, backward, clipping, LAMB and Lookahead. Validation is off so that only steps are timed.
 *
 * <pre>
 *   StepBenchmark bc-cpu,bc-paper        # runs each shape and prints a Markdown table
 * </pre>
 */
public final class StepBenchmark {

    private StepBenchmark() {}

    /** A benchmark shape: a table and a configuration. */
    private record Shape(String name, String description, int warmup, int measured) {

        Table table() {
            return BundledDatasets.breastCancer();
        }

        NptConfig config() {
            NptConfig.Builder b = switch (name) {
                case "bc-cpu" -> NptConfig.builder(Preset.CPU_FAST);
                case "bc-paper" -> NptConfig.builder(Preset.PAPER).embeddingDim(32).learningRate(5e-4);
                default -> throw new IllegalArgumentException("unknown shape " + name + "; use bc-cpu or bc-paper");
            };
            return b.steps(warmup + measured).validationFraction(0).batchSize(0).build();
        }
    }

    private static Shape shape(String name) {
        return switch (name) {
            case "bc-cpu" -> new Shape(name, "Breast Cancer 569x31; CPU preset (e=8; 4 layers; 2 heads); full batch", 20, 280);
            case "bc-paper" -> new Shape(name, "Breast Cancer 569x31; paper settings (e=32; 8 layers; 8 heads); full batch", 8, 12);
            default -> throw new IllegalArgumentException("unknown shape " + name + "; use bc-cpu or bc-paper");
        };
    }

    /**
     * @param args {@code shape[,shape...]} to run each in a child JVM, or {@code --run shape} in this one
     * @throws Exception if a child fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--run")) {
            System.out.println(run(shape(args[1])));
            return;
        }
        List<String> rows = new ArrayList<>();
        for (String name : (args.length == 0 ? "bc-cpu,bc-paper" : args[0]).split(",")) {
            rows.add(child(name.trim()));
        }
        String header = "shape,description,steps_measured,median_step_ms,min_step_ms,max_step_ms,parameters,peak_rss_mb,"
                + "peak_heap_mb,rss_growth_second_half_mb,intra_op_threads";
        StringBuilder md = new StringBuilder("| shape | median step (ms) | min | max | parameters | peak RSS (MB) | peak heap (MB) "
                + "| RSS growth over the second half (MB) | threads |\n|---|---|---|---|---|---|---|---|---|\n");
        for (String r : rows) {
            String[] f = r.split(",");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    f[0], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]));
        }
        for (String r : rows) {
            md.append("\n- ").append(r.split(",")[0]).append(": ").append(r.split(",")[1]);
        }
        System.out.println(md);
        Path out = Path.of("target");
        Files.createDirectories(out);
        Files.writeString(out.resolve("step-benchmark.csv"), header + "\n" + String.join("\n", rows) + "\n");
        Files.writeString(out.resolve("step-benchmark.md"), md + "\n");
        System.out.println("\nwritten to " + out.toAbsolutePath().resolve("step-benchmark.{csv,md}"));
    }

    private static String child(String name) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StepBenchmark.class.getName(), "--run", name));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(name + ",")) {
                    result = line;
                } else if (line.startsWith("step ")) {
                    System.out.println("  [" + name + "] " + line);
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("benchmark " + name + " failed with exit code " + p.exitValue());
        }
        return result;
    }

    private static String run(Shape shape) throws IOException {
        NptConfig config = shape.config();
        long[] stamps = new long[config.steps() + 1];
        double[] rss = new double[2];
        stamps[0] = System.nanoTime();
        NptTrainer trainer = new NptTrainer(config, p -> {
            stamps[p.step()] = System.nanoTime();
            // The first half of the run warms the heap up; growth after that would be a leak.
            if (p.step() == shape.warmup() + shape.measured() / 2) {
                rss[0] = rssMb();
            } else if (p.step() == p.totalSteps()) {
                rss[1] = rssMb();
            }
            System.out.println(p.format());
        });
        long parameters;
        try (NptModel model = trainer.fit(shape.table(), BundledDatasets.BREAST_CANCER_TARGET)) {
            parameters = model.summary().parameterCount();
        }
        double[] ms = new double[shape.measured()];
        for (int i = 0; i < ms.length; i++) {
            int step = shape.warmup() + 1 + i;
            ms[i] = (stamps[step] - stamps[step - 1]) / 1e6;
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.1f,%.1f,%d,%.0f,%.0f,%.1f,%d",
                shape.name(), shape.description(), ms.length, ms[ms.length / 2], ms[0], ms[ms.length - 1], parameters,
                ProcessMemory.peakRssMb(), peakHeapMb(), rss[1] - rss[0], ai.djl.pytorch.jni.JniUtils.getNumThreads());
    }

    private static double rssMb() {
        return ProcessMemory.rssMb();
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
}
