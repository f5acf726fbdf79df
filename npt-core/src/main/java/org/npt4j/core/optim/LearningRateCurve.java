package org.npt4j.core.optim;

import org.npt4j.core.LearningRateSchedule;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;

/**
 * The learning rate at each optimiser step. T is the number of steps, base the base rate.
 * <ul>
 * <li>{@code CONSTANT}: base at every step.
 * <li>{@code FLAT_AND_ANNEAL} reproduces the reference's {@code ConcatLR(LambdaLR(1), CosineAnnealingLR(T_a))}
 * with {@code pct_start = p}: steps 1..F use the base rate, F = floor(p·T); step s &gt; F uses
 * base·½(1 + cos(π·(s − F)/T_a)) with T_a = int(T·(1 − p)), so the rate reaches 0 at the last step.
 * </ul>
 * The two warm-up schedules reproduce fairseq's {@code CosineSchedule} and Hugging Face's
 * {@code get_polynomial_decay_schedule_with_warmup}. Both set the rate of the first update when they
 * are built and update it after every step, so step s uses their value at u = s − 1 completed
 * updates. W = warmupProportion·T is kept as a real number, as the reference passes it.
 * <ul>
 * <li>{@code COSINE_CYCLIC} (t_mult = 2, shrink ½, init = min = 1e-7, max = base, first period P = 2W):
 * for u &lt; W, 1e-7 + u·(base − 1e-7)/W. After that, with c = u − W, cycle i = floor(log₂(1 + c/P))
 * has length L = 2^i·P and position x = c − (2^i − 1)·P, and the rate is
 * m + ½(b − m)(1 + cos(π·x/L)) with m = 1e-7·½^i, b = base·½^i. With W = 0 there is no warm-up and
 * P = T, fairseq's fallback period (max_update − warmup_updates): the whole run is one cosine cycle.
 * <li>{@code POLYNOMIAL_DECAY_WARMUP} (power 1, lr_end = 1e-7): base·u/max(1, W) for u &lt; W (so the
 * first step has rate 0), then (base − 1e-7)·(1 − (u − W)/(T − W)) + 1e-7, and 1e-7 once u &gt; T
 * or when T = W leaves nothing to decay over.
 * </ul>
 */
public final class LearningRateCurve {

    /** fairseq's warmup_init_lr and min_lr, and Hugging Face's lr_end, as the reference sets them. */
    static final double FLOOR = 1e-7;

    private final double base;
    private final LearningRateSchedule schedule;
    private final int totalSteps;
    private final int flatSteps;
    private final int annealSteps;
    private final double warmup;
    private final double period;

    /**
     * A curve with the default warm-up proportion ({@link Settings#WARMUP_PROPORTION}).
     *
     * @param base the base learning rate
     * @param schedule the schedule kind
     * @param flatProportion p
     * @param totalSteps T
     */
    public LearningRateCurve(double base, LearningRateSchedule schedule, double flatProportion, int totalSteps) {
        this(base, schedule, flatProportion, Settings.WARMUP_PROPORTION.defaultValue(), totalSteps);
    }

    /**
     * @param base the base learning rate
     * @param schedule the schedule kind
     * @param flatProportion p, used by {@code FLAT_AND_ANNEAL}
     * @param warmupProportion in [0, 1), used by {@code COSINE_CYCLIC} and {@code POLYNOMIAL_DECAY_WARMUP}
     * @param totalSteps T, at least 1 for the warm-up schedules
     */
    public LearningRateCurve(double base, LearningRateSchedule schedule, double flatProportion,
            double warmupProportion, int totalSteps) {
        boolean warms = schedule == LearningRateSchedule.COSINE_CYCLIC
                || schedule == LearningRateSchedule.POLYNOMIAL_DECAY_WARMUP;
        // A negative or empty period would never end the search for the current cosine cycle.
        if (!(warmupProportion >= 0 && warmupProportion < 1) || (warms && totalSteps < 1)) {
            throw new IllegalArgumentException("warm-up proportion " + warmupProportion + " must be in [0, 1)"
                    + " and steps " + totalSteps + " at least 1");
        }
        this.base = base;
        this.schedule = schedule;
        this.totalSteps = totalSteps;
        this.flatSteps = (int) Math.floor(flatProportion * totalSteps);
        this.annealSteps = (int) (totalSteps * (1 - flatProportion));
        this.warmup = warmupProportion * totalSteps;
        this.period = warmup > 0 ? 2 * warmup : totalSteps;
    }

    /**
     * @param config the configuration
     * @return its curve
     */
    public static LearningRateCurve of(NptConfig config) {
        return new LearningRateCurve(config.get(Settings.LEARNING_RATE), config.get(Settings.LR_SCHEDULE),
                config.get(Settings.FLAT_PROPORTION), config.get(Settings.WARMUP_PROPORTION),
                config.get(Settings.STEPS));
    }

    /**
     * @param step the optimiser step, counted from 1
     * @return the learning rate used by that step
     */
    public double at(int step) {
        return switch (schedule) {
            case FLAT_AND_ANNEAL -> flatAndAnneal(step);
            case CONSTANT -> base;
            case COSINE_CYCLIC -> cosineCyclic(step - 1);
            case POLYNOMIAL_DECAY_WARMUP -> polynomialDecay(step - 1);
        };
    }

    private double flatAndAnneal(int step) {
        if (annealSteps <= 0 || step <= flatSteps) {
            return base;
        }
        return base * 0.5 * (1 + Math.cos(Math.PI * (step - flatSteps) / annealSteps));
    }

    private double cosineCyclic(int updates) {
        if (updates < warmup) {
            return FLOOR + updates * (base - FLOOR) / warmup;
        }
        double c = updates - warmup;
        // Cycle i starts after (2^i − 1)·P updates; counting cycles rather than taking log₂ keeps
        // the boundaries exact where rounding would put log₂(2^i) just below i.
        double span = 1;
        while ((2 * span - 1) * period <= c) {
            span *= 2;
        }
        double shrink = 1 / span;
        double x = c - (span - 1) * period;
        return FLOOR * shrink + 0.5 * (base * shrink - FLOOR * shrink) * (1 + Math.cos(Math.PI * x / (span * period)));
    }

    private double polynomialDecay(int updates) {
        if (updates < warmup) {
            return base * updates / Math.max(1, warmup);
        }
        double decaySteps = totalSteps - warmup;
        if (updates > totalSteps || decaySteps <= 0) {
            return FLOOR;
        }
        return (base - FLOOR) * (1 - (updates - warmup) / decaySteps) + FLOOR;
    }
}
