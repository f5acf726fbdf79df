package org.npt4j.core.training;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a training run stands after one optimiser step.
 *
 * @param step the step just taken, from 1
 * @param totalSteps the number of steps the run will take
 * @param epoch the current epoch, from 1
 * @param loss the total loss λ·features + (1 − λ)·targets of the step's batch
 * @param featureLoss the feature-reconstruction loss, NaN when no feature was masked
 * @param targetLoss the target loss, NaN when no target was scored
 * @param learningRate the learning rate the step used
 * @param lambda the trade-off λ the step used
 * @param validationLoss the validation target loss if it was evaluated after this step, else NaN
 * @param bestValidationLoss the best validation target loss so far, NaN before the first evaluation
 * @param elapsed time since training started
 * @param remaining estimated time to the end
 * @param validationTime time this step spent on the validation forward pass (zero when not evaluated)
 * @param bestWeightsTime time this step spent keeping a copy of improved weights (zero when the
 *     validation loss did not improve)
 */
public record TrainingProgress(int step, int totalSteps, int epoch, double loss, double featureLoss,
        double targetLoss, double learningRate, double lambda, double validationLoss,
        double bestValidationLoss, Duration elapsed, Duration remaining, Duration validationTime,
        Duration bestWeightsTime) {

    /** @return whether the validation loss was evaluated at this step */
    public boolean evaluated() {
        return !Double.isNaN(validationLoss);
    }

    /** @return a one-line summary for logs and consoles; without a target (imputation) only the feature loss and no λ */
    public String format() {
        if (Double.isNaN(targetLoss)) {
            return String.format(Locale.ROOT, "step %d/%d feature loss %.4f lr %.2e elapsed %ds eta %ds",
                    step, totalSteps, featureLoss, learningRate, elapsed.toSeconds(), remaining.toSeconds());
        }
        return String.format(Locale.ROOT, "step %d/%d loss %.4f (features %.4f, targets %.4f) lr %.2e lambda %.3f%s elapsed %ds eta %ds",
                step, totalSteps, loss, featureLoss, targetLoss, learningRate, lambda,
                evaluated() ? String.format(Locale.ROOT, " val %.4f (best %.4f)", validationLoss, bestValidationLoss) : "",
                elapsed.toSeconds(), remaining.toSeconds());
    }
}
