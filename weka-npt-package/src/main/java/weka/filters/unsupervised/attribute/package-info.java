/**
 * npt4j's Weka filter, in Weka's own package so that the Explorer's Preprocess tab lists it with
 * the other unsupervised attribute filters: {@link weka.filters.unsupervised.attribute.NptImputer},
 * which fills missing values with a Non-Parametric Transformer's reconstructions.
 */
package weka.filters.unsupervised.attribute;
