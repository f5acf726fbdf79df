package org.npt4j.weka;

import java.io.Serializable;

/**
 * A training instance that a prediction attended to: NPT predicts an instance by attending to the
 * training instances it carries, and the attention between datapoints says how much each counted.
 *
 * @param index the instance's position in the training data given to {@code buildClassifier},
 *     counted from 0 (printed outputs count from 1, as Weka's do)
 * @param weight the attention weight on the instance, averaged over the attention-between-datapoints
 *     layers and their heads; the weights over all training instances sum to at most 1, the rest
 *     being the predicted instance's attention to itself
 * @param classValue the instance's class value as Weka stores it: the index of a nominal value, or
 *     the number of a numeric or date class
 */
public record AttendedInstance(int index, double weight, double classValue) implements Serializable {}
