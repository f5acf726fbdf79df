/**
 * What an experiment predicts and how a fold is scored: the {@link org.npt4j.experiments.score.Task},
 * the metrics, one trainer's result on one fold, and the scorer that computes them with Tribuo's
 * evaluators. It is the shared vocabulary of the other experiments packages and imports none of them.
 */
package org.npt4j.experiments.score;
