package org.npt4j.tribuo;

import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;

/**
 * A Tribuo trainer that learns from unlabelled examples too: examples in its training dataset whose
 * output is the {@link OutputFactory#getUnknownOutput() unknown output} contribute their features
 * (NPT's unlabelled rows) instead of being refused. An experiment runner gives such a trainer a
 * split's test examples this way, with their outputs replaced, for the NPT paper's semi-supervised
 * protocol; trainers without this interface never get unlabelled examples.
 *
 * @param <T> the output type
 */
public interface SemiSupervisedTrainer<T extends Output<T>> extends Trainer<T> {}
