package org.npt4j.core.inference;

import java.util.Locale;

/**
 * What happened during a fit; stored with the model. It lives beside {@link NptModel}, which
 * carries it, so that training depends on inference and not the other way round. Saved models
 * store the components in declaration order ({@code ModelFormat}): reordering or adding one changes
 * the file format and needs a new format version.
 *
 * @param steps optimiser steps taken
 * @param epochs epochs started
 * @param bestStep the step whose weights were kept, or the last step when there was no validation
 * @param bestValidationLoss the validation target loss of the kept weights, NaN without validation
 * @param finalLoss the total training loss of the last step
 * @param finalTargetLoss the training target loss of the last step (NaN if none was scored)
 * @param trainRows training rows
 * @param validationRows validation rows
 * @param testRows unlabelled (test) rows whose features took part in training
 * @param parameterCount number of trainable scalars
 * @param trainingMillis wall time of the training loop
 * @param device the device actually used
 * @param engine the DJL and PyTorch versions
 */
public record TrainingSummary(int steps, int epochs, int bestStep, double bestValidationLoss, double finalLoss,
        double finalTargetLoss, int trainRows, int validationRows, int testRows, long parameterCount,
        long trainingMillis, String device, String engine) {

    /**
     * @return a few lines for a model's printed summary: rows, parameters, steps and time, losses,
     *     and the kept checkpoint when there was validation
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append(String.format(Locale.ROOT, "Rows: %d training, %d validation, %d unlabelled (features only, in training)%s",
                trainRows, validationRows, testRows, nl));
        sb.append(String.format(Locale.ROOT, "Parameters: %,d%s", parameterCount, nl));
        sb.append(String.format(Locale.ROOT, "Training: %d steps (%d epochs) in %.1f s on %s, %s%s",
                steps, epochs, trainingMillis / 1000.0, device, engine, nl));
        sb.append(String.format(Locale.ROOT, "Final training loss %.4f (target %.4f)", finalLoss, finalTargetLoss));
        if (validationRows > 0) {
            sb.append(nl).append(String.format(Locale.ROOT,
                    "Best validation loss %.4f at step %d (weights kept from that step)", bestValidationLoss, bestStep));
        }
        return sb.toString();
    }
}
