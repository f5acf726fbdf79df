/**
 * Weka's package of function-based classifiers, where Weka's Explorer and users look for them;
 * npt4j adds {@link weka.classifiers.functions.NonParametricTransformer} to it and nothing else.
 * The classifier's support code lives in {@code org.npt4j.weka}.
 */
package weka.classifiers.functions;
