/**
 * Fitting an NPT: {@link org.npt4j.core.training.NptTrainer} splits off validation rows, fits the
 * encoding, masks batches, runs the network and optimiser step by step, keeps the best checkpoint
 * and returns an {@link org.npt4j.core.inference.NptModel}; listeners hear of every step.
 * {@link org.npt4j.core.training.NptImputer} fits a model without a target and fills a table's
 * missing cells with it.
 *
 * <p>The top of the core: it may import every other core package, and none imports it.
 */
package org.npt4j.core.training;
