/**
 * NPT's stochastic masking: which feature and target cells of an encoded table are hidden or
 * randomised in a training step, which are scored by the loss, and the masked batch that goes to
 * the device. Internal to the core.
 *
 * <p>Imports {@code encoding} and {@code table}; nothing of the network, the loss or training.
 */
package org.npt4j.core.masking;
