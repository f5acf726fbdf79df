package org.npt4j.core.masking;

/**
 * What the model sees for a whole working table under one masking draw, plus which cells are
 * scored. All arrays are {@code [column][row]}.
 *
 * @param cells the input value of each cell in encoded units (standardised value or class index);
 *     {@code NaN} means the model gets zeros with mask bit 1 (masked or missing)
 * @param featureScored cells scored by the feature-reconstruction loss
 * @param targetScored cells scored by the target loss
 */
public record MaskedInputs(float[][] cells, boolean[][] featureScored, boolean[][] targetScored) {}
