/**
 * NPT as Tribuo trainers and an immutable Tribuo model: the OLCUT-configurable trainers (every NPT
 * setting a {@code @Config} field, generated from npt-core's settings), the mapping from Tribuo's
 * sparse examples to NPT's table (one-hot groups back to categorical columns, absent features as
 * missing cells when asked), provenance, protobuf and Java serialization, explanations by the
 * context rows a prediction attended to, and the imputation of examples' missing features.
 *
 * <p>Imports the core's public API ({@code org.npt4j.core}, {@code table}, {@code training},
 * {@code inference}) and its own {@code protos}; nothing of Weka or the experiments.
 */
package org.npt4j.tribuo;
