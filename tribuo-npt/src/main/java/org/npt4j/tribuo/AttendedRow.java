package org.npt4j.tribuo;

import org.tribuo.Example;
import org.tribuo.Output;

/**
 * A training row that a prediction attended to.
 *
 * @param trainingIndex the row's position in the training dataset (its iteration order)
 * @param weight the attention weight on the row, averaged over heads (and layers, unless one layer
 *     was asked for); the weights over all training rows sum to at most 1, the rest being the
 *     example's attention to itself
 * @param row the row as a Tribuo example: its original feature values and output
 * @param <T> the output type
 */
public record AttendedRow<T extends Output<T>>(int trainingIndex, double weight, Example<T> row) {}
