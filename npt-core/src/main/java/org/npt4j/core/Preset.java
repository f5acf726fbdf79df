package org.npt4j.core;

import static org.npt4j.core.Settings.ATTENTION_DROPOUT;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Named starting points for an {@link NptConfig}: each is the {@link Settings}' defaults (the
 * paper's) with a few changed.
 *
 * <ul>
 *   <li>{@link #PAPER}: NPT-Base as run on the paper's small UCI datasets ([P] C.1.1, scripts/uci_class_reg.sh):
 *       e = 64, 8 layers (4 ABD + 4 ABA), 8 heads, dropout 0.1, p_feature 0.15, deterministic target
 *       masking, λ cosine from 1, LAMB + Lookahead at lr 1e-3, flat for 50 % then cosine, 2,000 full-batch
 *       steps, checkpoint on every evaluation. The paper changes e per dataset (32 for Breast Cancer with
 *       lr 5e-4, 128 for Boston); set those with the builder.</li>
 *   <li>{@link #CPU_FAST}: a small model that trains a 500-row table in one to four minutes on two
 *       cores: e = 8, 4 layers, 2 heads, no attention dropout (on a CPU, drawing dropout masks for the
 *       attention maps costs more than the rest of the attention), LAMB at lr 5e-3 for 1,500 steps in
 *       batches of 1,024 rows, the paper's deterministic target masking. Chosen on validation rows by
 *       the search in {@code benchmarks/CPU-PRESET.md}: on Boston and Breast Cancer more steps at a
 *       higher rate mattered most, then hiding all training labels; width, depth and mini-batches
 *       bought less per second. It trains every step: early stopping ({@code patience} 20) made a
 *       150-row table's fit 30 s → 17 s, but on Boston's paper protocol it stopped before the
 *       learning rate annealed and took NPT's RMSE from 3.08 to 3.40 (XGBoost 3.09).</li>
 *   <li>{@link #CPU_QUICK}: CPU_FAST's model on a budget for interactive use and Weka's 10-fold
 *       cross-validation (the Weka package's default): 600 steps in batches of 256 rows, scored in
 *       passes of 64 queries (so each pass keeps 192 context rows). A step then costs about the same
 *       from a few hundred rows up, and a model of 150 rows trains in about 15 s on two cores, one of
 *       1,000 rows in under a minute. On Weka's iris and cpu it matched CPU_FAST's 10-fold results at
 *       half the time or less ({@code benchmarks/CPU-PRESET.md}); on Boston's paper protocol it is not
 *       the preset the comparisons use.</li>
 * </ul>
 */
public enum Preset {
    /** The paper's NPT-Base settings for small datasets: the settings' defaults. */
    PAPER(defaults -> defaults),
    /** A small, fast model for CPUs. */
    CPU_FAST(Preset::cpuFast),
    /** CPU_FAST's model with a smaller training budget, for interactive use; the Weka package's default. */
    CPU_QUICK(Preset::cpuQuick);

    /** What a preset is, for the adapters' help texts (a constant, so that annotations can use it). */
    public static final String DESCRIPTION = "Named starting point for all settings: PAPER (NPT-Base), CPU_FAST "
            + "(a small model, 1,500 steps) or CPU_QUICK (the same model, 600 steps in batches of 256 rows); "
            + "settings not given take its values.";

    // A function rather than constant-specific bodies: those would make each constant a subclass,
    // and OLCUT's provenance records an enum by its value's class.
    private final UnaryOperator<NptConfig.Builder> changes;

    Preset(UnaryOperator<NptConfig.Builder> changes) {
        this.changes = changes;
    }

    /**
     * @param defaults a builder holding every setting's default
     * @return the builder with this preset's changes
     */
    NptConfig.Builder configure(NptConfig.Builder defaults) {
        return changes.apply(defaults);
    }

    private static NptConfig.Builder cpuFast(NptConfig.Builder defaults) {
        return defaults
                .set(EMBEDDING_DIM, 8)
                .set(DEPTH, 4)
                .set(HEADS, 2)
                .set(ATTENTION_DROPOUT, 0.0)
                .set(LEARNING_RATE, 5e-3)
                .set(STEPS, 1500)
                .set(BATCH_SIZE, 1024)
                .set(VALIDATION_FRACTION, 0.1)
                .set(EVALUATION_INTERVAL, 5);
    }

    private static NptConfig.Builder cpuQuick(NptConfig.Builder defaults) {
        // Batches bound a step's cost as the table grows: attention between datapoints is quadratic in
        // the batch, and at 1,000 rows a full-batch step is four times a 256-row one.
        return cpuFast(defaults)
                .set(STEPS, 600)
                .set(BATCH_SIZE, 256)
                .set(PREDICTION_BATCH_SIZE, 64);
    }

    /**
     * @param name a preset name, case-insensitive; {@code paper}, {@code cpu}, {@code cpu_fast} or {@code cpu-fast}, {@code quick},
     *     {@code cpu_quick} or {@code cpu-quick}
     * @return the preset
     * @throws NptConfigException if the name is unknown
     */
    public static Preset parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "paper" -> PAPER;
            case "cpu", "cpu_fast" -> CPU_FAST;
            case "quick", "cpu_quick" -> CPU_QUICK;
            default -> throw new NptConfigException("preset",
                    "unknown preset '" + name + "'; use 'paper', 'cpu' (CPU_FAST) or 'quick' (CPU_QUICK)");
        };
    }

}
