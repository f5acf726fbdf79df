package org.npt4j.experiments.score;

/** What an experiment predicts, which decides the metrics and the Tribuo output type. */
public enum Task {
    /** A categorical response: accuracy, AUROC and log-loss. */
    CLASSIFICATION,
    /** A numerical response: RMSE, MAE and R². */
    REGRESSION
}
