package org.npt4j.core.inference;

/**
 * Predictions together with the attention that produced them, from one forward pass.
 *
 * @param predictions class probabilities or values per target
 * @param attention each row's ABD attention over the context rows
 */
public record AttendedPredictions(Predictions predictions, AttentionMaps attention) {}
