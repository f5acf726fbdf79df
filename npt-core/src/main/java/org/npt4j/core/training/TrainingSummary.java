package org.npt4j.core.training;

/**
 * What happened during a fit; stored with the model.
 *
 * @param steps optimiser steps taken
 * @param epochs epochs started
 * @param bestStep the step whose weights were kept, or the last step when there was no validation
 * @param bestValidationLoss the validation target loss of the kept weights, NaN without validation
 * @param finalLoss the total training loss of the last step
 * @param finalTargetLoss the training target loss of the last step (NaN if none was scored)
 * @param trainRows training rows
 * @param validationRows validation rows
 * @param testRows test rows whose features took part in training
 * @param parameterCount number of trainable scalars
 * @param trainingMillis wall time of the training loop
 * @param device the device actually used
 * @param engine the DJL and PyTorch versions
 */
public record TrainingSummary(int steps, int epochs, int bestStep, double bestValidationLoss, double finalLoss,
        double finalTargetLoss, int trainRows, int validationRows, int testRows, long parameterCount,
        long trainingMillis, String device, String engine) {}
