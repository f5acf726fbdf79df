/**
 * A fitted NPT and what it gives: {@link org.npt4j.core.inference.NptModel} (configuration,
 * schema, weights, the context rows it attends to, the training summary), its versioned file
 * format, predictions per target, the imputation of missing cells in any column ({@link
 * org.npt4j.core.inference.Imputation}), attention over the context rows, and the permutation importance
 * of the feature columns ({@link org.npt4j.core.inference.PermutationImportance}). Native memory is
 * loaded on first use and released when idle.
 *
 * <p>Imports {@code org.npt4j.core}, {@code table}, {@code encoding}, {@code masking},
 * {@code model} and {@code engine}; never {@code training}, which imports it.
 */
package org.npt4j.core.inference;
