package org.npt4j.spark;

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
 * A test trainer that fails on one fold (the runner sets the invocation count to the fold) and
 * otherwise trains its inner trainer. It fails with an exception, which the runner records as the
 * trainer's failure, or with an {@link AssertionError}, which escapes the runner and fails the Spark task
 * itself, as a crash in a native library or a lost executor would.
 */
public final class FailingTrainer implements Trainer<Regressor> {

    @SuppressWarnings("rawtypes")
    @Config(mandatory = true, description = "The trainer that trains on the other folds.")
    private Trainer inner;

    @Config(mandatory = true, description = "The fold to fail on, from 0.")
    private int failOn;

    @Config(description = "Fail with an Error that escapes the runner, instead of an exception.")
    private boolean escape = false;

    private int invocations;

    /** For OLCUT. */
    private FailingTrainer() {}

    @SuppressWarnings("unchecked")
    @Override
    public synchronized Model<Regressor> train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        if (invocations++ == failOn) {
            if (escape) {
                throw new AssertionError("deliberate task failure on fold " + failOn);
            }
            throw new IllegalStateException("deliberate trainer failure on fold " + failOn);
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
