package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.STEPS;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npt4j.core.NptConfig;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Where a training step's time goes: runs a shape's warm-up steps, records the next steps with
 * PyTorch's profiler (through DJL's JNI), and prints each native op's calls and self time per step,
 * most expensive first. Self time is an op's duration minus that of the ops it called, so the
 * column adds up to the time spent in native code.
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.OpProfile -Dbench.shapes=boston-paper</pre>
 */
public final class OpProfile {

    private static final int PROFILED_STEPS = 3;
    // -Dprofile.shapes=true groups ops by input shapes too, to tell apart the call sites of one op.
    private static final boolean SHAPES = Boolean.getBoolean("profile.shapes");
    private static final int TOP = 30;

    private OpProfile() {}

    /**
     * @param args one shape name
     * @throws IOException if the trace cannot be read
     */
    public static void main(String[] args) throws IOException {
        BenchmarkShape shape = BenchmarkShape.named(args.length == 0 ? "bc-paper" : args[0].split(",")[0]);
        int warmup = Math.min(shape.warmup(), 3);
        NptConfig config = shape.config().toBuilder().set(STEPS, warmup + PROFILED_STEPS).build();
        Table table = shape.table().get();
        Path trace = Files.createTempFile("npt4j-profile", ".json");
        long[] wall = new long[2];
        NptTrainer trainer = new NptTrainer(config, p -> {
            if (p.step() == warmup) {
                JniUtils.startProfile(false, SHAPES, false);
                wall[0] = System.nanoTime();
            } else if (p.step() == warmup + PROFILED_STEPS) {
                wall[1] = System.nanoTime();
                JniUtils.stopProfile(trace.toString());
            }
        });
        try (NptModel model = trainer.fit(table, shape.targets(), null)) {
            report(shape, trace, (wall[1] - wall[0]) / 1e6 / PROFILED_STEPS);
        } finally {
            // -Dprofile.keep=<file> keeps the Chrome trace (chrome://tracing, Perfetto).
            String keep = System.getProperty("profile.keep");
            if (keep != null && !keep.isBlank()) {
                Files.move(trace, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(trace);
            }
        }
    }

    private record Op(String name, long start, long duration, long tid) {}

    private static void report(BenchmarkShape shape, Path trace, double stepMs) throws IOException {
        List<Op> ops = read(trace);
        Map<String, double[]> byName = selfTimes(ops);
        double nativeMs = byName.values().stream().mapToDouble(v -> v[1]).sum() / 1e6 / PROFILED_STEPS;
        long calls = Math.round(byName.values().stream().mapToDouble(v -> v[0]).sum() / PROFILED_STEPS);
        System.out.printf(Locale.ROOT, "%s: %.0f ms per step (wall, profiled), %.0f ms in native ops, %d native op calls per step%n",
                shape.name(), stepMs, nativeMs, calls);
        System.out.printf(Locale.ROOT, "%-60s %10s %12s %8s%n", "op", "calls/step", "self ms/step", "% step");
        byName.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[1]))
                .limit(TOP).forEach(e -> System.out.printf(Locale.ROOT, "%-60s %10.0f %12.1f %7.1f%%%n", e.getKey(),
                        e.getValue()[0] / PROFILED_STEPS, e.getValue()[1] / 1e6 / PROFILED_STEPS,
                        100 * e.getValue()[1] / 1e6 / PROFILED_STEPS / stepMs));
    }

    private static List<Op> read(Path trace) throws IOException {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(trace)) {
            root = JsonParser.parseReader(in);
        }
        JsonArray events = root.isJsonArray() ? root.getAsJsonArray() : root.getAsJsonObject().getAsJsonArray("traceEvents");
        List<Op> ops = new ArrayList<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("dur") && o.has("ts") && "X".equals(o.get("ph").getAsString())) {
                String name = o.get("name").getAsString();
                if (SHAPES && o.has("shape")) {
                    name += " " + o.get("shape");
                }
                ops.add(new Op(name, Math.round(o.get("ts").getAsDouble() * 1000), Math.round(o.get("dur").getAsDouble() * 1000),
                        o.has("tid") ? o.get("tid").getAsLong() : 0));
            }
        }
        return ops;
    }

    /** Calls and self nanoseconds per op name, nesting recovered from start and end times per thread. */
    private static Map<String, double[]> selfTimes(List<Op> ops) {
        ops.sort(Comparator.comparingLong(Op::tid).thenComparingLong(Op::start).thenComparingLong(o -> -o.duration()));
        Map<String, double[]> out = new HashMap<>();
        Deque<long[]> stack = new ArrayDeque<>(); // end time, index
        long[] self = new long[ops.size()];
        long tid = Long.MIN_VALUE;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.tid() != tid) {
                stack.clear();
                tid = op.tid();
            }
            while (!stack.isEmpty() && stack.peek()[0] <= op.start()) {
                stack.pop();
            }
            self[i] = op.duration();
            if (!stack.isEmpty()) {
                self[(int) stack.peek()[1]] -= op.duration();
            }
            stack.push(new long[] {op.start() + op.duration(), i});
        }
        for (int i = 0; i < ops.size(); i++) {
            double[] v = out.computeIfAbsent(ops.get(i).name(), n -> new double[2]);
            v[0]++;
            v[1] += self[i];
        }
        return out;
    }
}
