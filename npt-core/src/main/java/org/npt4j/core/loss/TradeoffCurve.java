package org.npt4j.core.loss;

import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;
import org.npt4j.core.TradeoffSchedule;

/**
 * The weight λ of the feature loss in L = λ·L_features + (1 − λ)·L_targets at each optimiser step.
 * The cosine schedule reproduces the reference's {@code TradeoffAnnealer}, which is stepped after
 * each optimiser step and computes its new value from the count before incrementing it: step s
 * (from 1) uses t = max(0, s − 2) in λ0·½(1 + cos(π·t/T_λ)), and 0 once t &gt; T_λ, with
 * T_λ = ceil(proportion·T).
 */
public final class TradeoffCurve {

    private final double start;
    private final boolean cosine;
    private final int annealSteps;

    /**
     * @param start λ0
     * @param schedule the schedule kind
     * @param proportion fraction of the steps over which λ anneals
     * @param totalSteps T
     */
    public TradeoffCurve(double start, TradeoffSchedule schedule, double proportion, int totalSteps) {
        this.start = start;
        this.cosine = schedule == TradeoffSchedule.COSINE;
        this.annealSteps = Math.max(1, (int) Math.ceil(proportion * totalSteps));
    }

    /**
     * @param config the configuration
     * @return its curve
     */
    public static TradeoffCurve of(NptConfig config) {
        return new TradeoffCurve(config.get(Settings.TRADEOFF_START), config.get(Settings.TRADEOFF_SCHEDULE),
                config.get(Settings.TRADEOFF_ANNEALING_PROPORTION), config.get(Settings.STEPS));
    }

    /**
     * @param step the optimiser step, counted from 1
     * @return λ for that step
     */
    public double at(int step) {
        if (!cosine) {
            return start;
        }
        int t = Math.max(0, step - 2);
        return t <= annealSteps ? start * 0.5 * (1 + Math.cos(Math.PI * t / annealSteps)) : 0.0;
    }
}
