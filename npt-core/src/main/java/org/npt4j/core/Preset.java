package org.npt4j.core;

/**
 * Named starting points for an {@link NptConfig}.
 *
 * <ul>
 *   <li>{@link #PAPER}: NPT-Base as run on the paper's small UCI datasets ([P] C.1.1, scripts/uci_class_reg.sh):
 *       e = 64, 8 layers (4 ABD + 4 ABA), 8 heads, dropout 0.1, p_feature 0.15, deterministic target
 *       masking, λ cosine from 1, LAMB + Lookahead at lr 1e-3, flat for 50 % then cosine, 2,000 full-batch
 *       steps, checkpoint on every evaluation. The paper changes e per dataset (32 for Breast Cancer with
 *       lr 5e-4, 128 for Boston); set those with the builder.</li>
 *   <li>{@link #CPU_FAST}: a small model that trains a 500-row table in a minute or two on two cores:
 *       e = 8, 4 layers, 2 heads, no attention dropout (on a CPU, drawing dropout masks for the
 *       attention maps costs more than the rest of the attention), 300 steps, and stochastic target
 *       masking at 0.5 so that training labels act as context at prediction time.</li>
 * </ul>
 */
public enum Preset {
    /** The paper's NPT-Base settings for small datasets. */
    PAPER,
    /** A small, fast model for CPUs. */
    CPU_FAST;

    /**
     * @param name a preset name, case-insensitive; {@code paper}, {@code cpu}, {@code cpu_fast} or {@code cpu-fast}
     * @return the preset
     * @throws NptConfigException if the name is unknown
     */
    public static Preset parse(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "paper" -> PAPER;
            case "cpu", "cpu_fast" -> CPU_FAST;
            default -> throw new NptConfigException("preset",
                    "unknown preset '" + name + "'; use 'paper' or 'cpu'");
        };
    }
}
