/**
 * NPT's loss: cross-entropy and squared error per cell, averaged (weighted by the rows' weights, if
 * any) separately over the scored feature and target cells and mixed by the weight λ, whose curve
 * over the steps is here too.
 * Internal to the core.
 *
 * <p>Imports {@code org.npt4j.core} (settings), {@code masking} (the batch), {@code model} (the
 * column layout) and {@code engine}.
 */
package org.npt4j.core.loss;
