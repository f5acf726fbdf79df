/**
 * What an experiment predicts and how a fold is scored: the {@link org.npt4j.experiments.score.Task},
 * the metrics, one trainer's result on one fold, the scorer that computes them with Tribuo's
 * evaluators, and the {@link org.npt4j.experiments.score.CorrectedTTest} that compares two trainers'
 * per-fold scores. It is the shared vocabulary of the other experiments packages and imports none of them.
 */
package org.npt4j.experiments.score;
