package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;

/**
 * A test trainer that fails when trained for the {@code failOn}-th time (counting from 0, so on
 * that fold when the runner sets the invocation count to the fold) and otherwise trains its inner
 * trainer: a trainer that fails on one fold only.
 */
public final class FailOnFoldTrainer implements Trainer<Regressor> {

    /** The message of the failure, with a comma and a quote, which {@code folds.csv} must quote. */
    static final String MESSAGE = "deliberate failure, \"as configured\"";

    @SuppressWarnings("rawtypes")
    @Config(mandatory = true, description = "The trainer that trains on the other folds.")
    private Trainer inner;

    @Config(mandatory = true, description = "The invocation (fold) to fail on, from 0.")
    private int failOn;

    private int invocations;

    /** For OLCUT. */
    private FailOnFoldTrainer() {}

    @SuppressWarnings("unchecked")
    @Override
    public synchronized Model<Regressor> train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        if (invocations++ == failOn) {
            throw new IllegalStateException(MESSAGE);
        }
        return inner.train(examples, runProvenance);
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocations;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        invocations = invocationCount;
        inner.setInvocationCount(invocationCount);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
