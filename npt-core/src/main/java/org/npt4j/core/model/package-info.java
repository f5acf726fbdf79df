/**
 * The network as DJL blocks with explicit shapes: per-column embeddings, attention between
 * datapoints (rows) alternating with attention between attributes, the attention block itself,
 * and per-column output heads. Internal to the core.
 *
 * <p>Imports {@code org.npt4j.core} (settings), {@code encoding} (the column layout) and
 * {@code engine}; never masking, loss, training or inference.
 */
package org.npt4j.core.model;
