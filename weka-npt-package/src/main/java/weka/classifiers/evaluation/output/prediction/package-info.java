/**
 * Weka's package of prediction outputs, where its Explorer ("Output predictions") and its
 * {@code -classifications} option look for them; npt4j adds {@link
 * weka.classifiers.evaluation.output.prediction.NptAttendedRows}, which prints the training
 * instances each prediction of a Non-Parametric Transformer attended to, and nothing else.
 */
package weka.classifiers.evaluation.output.prediction;
