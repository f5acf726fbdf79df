package org.npt4j.core.table;

/**
 * What a row is for during a fit. NPT sees the whole table: validation and test rows are inputs
 * during training too (their features can be masked and reconstructed), but their targets are
 * always masked, and test targets never enter the model at all.
 */
public enum RowRole {
    /** Labelled row the model learns from; becomes part of the prediction context. */
    TRAIN,
    /** Labelled row used only to pick the best checkpoint; also part of the prediction context. */
    VALIDATION,
    /** Row whose features take part in training (semi-supervised mode) but whose target is unknown. */
    TEST
}
