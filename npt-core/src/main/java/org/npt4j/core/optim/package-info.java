/**
 * The optimiser DJL lacks: LAMB with the reference's trust ratio, Lookahead, element-wise
 * gradient clipping, and the learning-rate curve over the steps. Internal to the core.
 *
 * <p>Imports {@code org.npt4j.core} (settings) and {@code engine}.
 */
package org.npt4j.core.optim;
