/**
 * Shows the person running an experiment where it is: a terminal bar or plain log lines, with NPT's
 * step and loss and an estimate of the time left, behind
 * {@link org.npt4j.experiments.progress.ProgressDisplay}. Imports only {@code score} (for the fold
 * results it prints); never the runner.
 */
package org.npt4j.experiments.progress;
