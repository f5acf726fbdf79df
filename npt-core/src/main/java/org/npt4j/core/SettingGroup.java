package org.npt4j.core;

/** The groups in which adapters show the {@link Settings}, in the order they show them. */
public enum SettingGroup {
    /** Width, depth, heads, dropout and embeddings of the network. */
    ARCHITECTURE("Architecture"),
    /** Stochastic feature and target masking, and which rows take part in training. */
    MASKING("Masking"),
    /** The weight of the feature-reconstruction loss against the target loss. */
    LOSS("Loss"),
    /** LAMB, Lookahead, the learning rate and gradient clipping. */
    OPTIMISER("Optimiser"),
    /** Steps, batches, validation, checkpoints and the seed. */
    TRAINING("Training"),
    /** Scoring new rows against the stored context. */
    PREDICTION("Prediction"),
    /** Where to compute, and on how many CPU threads. */
    DEVICE("Device");

    private final String title;

    SettingGroup(String title) {
        this.title = title;
    }

    /** @return the group's name as shown to users */
    public String title() {
        return title;
    }
}
