package org.npt4j.core.optim;

import org.npt4j.core.NptConfig;

/**
 * The learning rate at each optimiser step. {@code FLAT_AND_ANNEAL} reproduces the reference's
 * {@code ConcatLR(LambdaLR(1), CosineAnnealingLR(T_a))} with {@code pct_start = p}: steps 1..F use
 * the base rate, F = floor(p·T); step s &gt; F uses base·½(1 + cos(π·(s − F)/T_a)) with
 * T_a = int(T·(1 − p)), so the rate reaches 0 at the last step.
 */
public final class LearningRateSchedule {

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
    public LearningRateSchedule(double base, NptConfig.LrSchedule schedule, double flatProportion, int totalSteps) {
        this.base = base;
        this.flatSteps = (int) Math.floor(flatProportion * totalSteps);
        this.annealSteps = (int) (totalSteps * (1 - flatProportion));
        this.anneal = schedule == NptConfig.LrSchedule.FLAT_AND_ANNEAL && annealSteps > 0;
    }

    /**
     * @param config the configuration
     * @return its schedule
     */
    public static LearningRateSchedule of(NptConfig config) {
        return new LearningRateSchedule(config.learningRate(), config.lrSchedule(), config.flatProportion(), config.steps());
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
