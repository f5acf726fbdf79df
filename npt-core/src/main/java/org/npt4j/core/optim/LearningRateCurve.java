package org.npt4j.core.optim;

import org.npt4j.core.LearningRateSchedule;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;

/**
 * The learning rate at each optimiser step. {@code FLAT_AND_ANNEAL} reproduces the reference's
 * {@code ConcatLR(LambdaLR(1), CosineAnnealingLR(T_a))} with {@code pct_start = p}: steps 1..F use
 * the base rate, F = floor(p·T); step s &gt; F uses base·½(1 + cos(π·(s − F)/T_a)) with
 * T_a = int(T·(1 − p)), so the rate reaches 0 at the last step.
 */
public final class LearningRateCurve {

    private final double base;
    private final boolean anneal;
    private final int flatSteps;
    private final int annealSteps;

    /**
     * @param base the base learning rate
     * @param schedule the schedule kind
     * @param flatProportion p
     * @param totalSteps T
     */
    public LearningRateCurve(double base, LearningRateSchedule schedule, double flatProportion, int totalSteps) {
        this.base = base;
        this.flatSteps = (int) Math.floor(flatProportion * totalSteps);
        this.annealSteps = (int) (totalSteps * (1 - flatProportion));
        this.anneal = schedule == LearningRateSchedule.FLAT_AND_ANNEAL && annealSteps > 0;
    }

    /**
     * @param config the configuration
     * @return its curve
     */
    public static LearningRateCurve of(NptConfig config) {
        return new LearningRateCurve(config.get(Settings.LEARNING_RATE), config.get(Settings.LR_SCHEDULE),
                config.get(Settings.FLAT_PROPORTION), config.get(Settings.STEPS));
    }

    /**
     * @param step the optimiser step, counted from 1
     * @return the learning rate used by that step
     */
    public double at(int step) {
        if (!anneal || step <= flatSteps) {
            return base;
        }
        return base * 0.5 * (1 + Math.cos(Math.PI * (step - flatSteps) / annealSteps));
    }
}
