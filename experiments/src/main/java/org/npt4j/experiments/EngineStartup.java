package org.npt4j.experiments;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.Settings;
import org.npt4j.core.engine.Devices;
import org.npt4j.core.engine.Engines;
import org.npt4j.tribuo.AbstractNptTrainer;
import org.tribuo.Trainer;
import org.tribuo.common.xgboost.XGBoostTrainer;

/**
 * Starts the native engines a comparison's trainers run on, once, before the first fold, and times
 * each: DJL's PyTorch engine on every device an NPT trainer asks for, and XGBoost's native library.
 *
 * <p>Why: loading libtorch and starting DJL's engine takes seconds, XGBoost's library a fraction of
 * one, and both happen once per JVM. Left to the first training, that one-off cost would land in the
 * first fold's training time of whichever trainer ran first, inflating its mean and standard error
 * and the timing test against NPT, and more so in a resumed run that trains fewer folds. Started
 * here, every fold's time is training alone, and the start-up is reported on its own line.
 *
 * <p>A trainer's engine is found from its provenance, so a wrapped trainer (a {@code TransformTrainer}'s
 * inner one) counts too. An engine that fails to start is reported, not thrown: its trainers then fail
 * fold by fold with the cause, as they did before, while the other trainers run.
 */
public final class EngineStartup {

    /** DJL's engine, as the line names it. */
    static final String PYTORCH = "PyTorch";
    /** XGBoost's native library, as the line names it. */
    static final String XGBOOST = "XGBoost";

    /**
     * One engine started.
     *
     * @param engine the engine's name, with the device where it is not the CPU, e.g. {@code PyTorch (gpu:0)}
     * @param seconds how long starting it took
     * @param failure why it did not start, or null when it did
     */
    record Started(String engine, double seconds, String failure) {

        /** @return e.g. "PyTorch 1.83 s", or "PyTorch failed after 0.10 s (why)" */
        String describe() {
            String time = String.format(Locale.ROOT, "%.2f s", seconds);
            return failure == null ? engine + " " + time : engine + " failed after " + time + " (" + failure + ")";
        }
    }

    private final List<Started> started;

    private EngineStartup(List<Started> started) {
        this.started = List.copyOf(started);
    }

    /**
     * Starts, in configuration order, every engine the trainers need.
     *
     * @param trainers the comparison's trainers
     * @return what was started and how long each took
     */
    public static EngineStartup start(List<Trainer<?>> trainers) {
        List<Started> out = new ArrayList<>();
        needed(trainers).forEach((name, start) -> {
            long t0 = System.nanoTime();
            String failure = null;
            try {
                start.run();
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            out.add(new Started(name, (System.nanoTime() - t0) / 1e9, failure));
        });
        return new EngineStartup(out);
    }

    /**
     * @param trainers the comparison's trainers
     * @return the engines they need, by name, each with what starts it; none twice
     */
    static Map<String, Runnable> needed(List<Trainer<?>> trainers) {
        Map<String, Runnable> out = new LinkedHashMap<>();
        for (Trainer<?> trainer : trainers) {
            for (ConfiguredObjectProvenance part : ConfiguredParts.of(trainer)) {
                Class<?> type = classOf(part);
                if (type != null && AbstractNptTrainer.class.isAssignableFrom(type)) {
                    DeviceSpec device = DeviceSpec.parse(part.getConfiguredParameters().get(Settings.DEVICE.name())
                            instanceof StringProvenance s ? s.getValue() : Settings.DEVICE.defaultValue());
                    out.putIfAbsent(device.kind() == DeviceSpec.Kind.CPU ? PYTORCH : PYTORCH + " (" + device + ")",
                            () -> startPyTorch(device));
                } else if (type != null && XGBoostTrainer.class.isAssignableFrom(type)) {
                    out.putIfAbsent(XGBOOST, EngineStartup::startXGBoost);
                }
            }
        }
        return out;
    }

    /**
     * Starts DJL's engine as NPT's training does ({@link Engines#pytorch(DeviceSpec)}, then the device),
     * and computes on a tiny array, so that libtorch and, on a GPU, its context are really loaded.
     */
    private static void startPyTorch(DeviceSpec spec) {
        Engine engine = Engines.pytorch(spec);
        Device device = Devices.resolve(spec, engine);
        try (NDManager manager = engine.newBaseManager(device)) {
            manager.create(new float[] {1f, 2f}).sum().getFloat();
        }
    }

    /** Loads XGBoost's native library, which its JNI class does on first use: a one-cell matrix is the cheapest use. */
    private static void startXGBoost() {
        try {
            new DMatrix(new float[] {0f}, 1, 1, Float.NaN).dispose();
        } catch (XGBoostError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Class<?> classOf(ConfiguredObjectProvenance part) {
        try {
            return Class.forName(part.getClassName(), false, EngineStartup.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** @return the engines started, in configuration order */
    List<Started> started() {
        return started;
    }

    /**
     * @return the line printed before the folds and written into {@code summary.md}, e.g.
     *     "engine start-up (once, not in any fold's train time): PyTorch 1.83 s, XGBoost 0.21 s";
     *     empty when no trainer needs a native engine
     */
    Optional<String> line() {
        if (started.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = started.stream().map(Started::describe).toList();
        return Optional.of("engine start-up (once, not in any fold's train time): " + String.join(", ", parts));
    }
}
