package org.npt4j.experiments.protocol;

import com.oracle.labs.mlrg.olcut.config.Config;
import java.util.Random;
import org.npt4j.experiments.score.Task;

/**
 * The settings every protocol's shuffles share, the seed and whether they keep each class's share,
 * so that both are configured, applied and reported the same way whatever the protocol.
 */
abstract class ShuffledProtocol implements Protocol {

    @Config(description = "Seed of the shuffles that assign rows to folds (and to validation sets, where the protocol has them).")
    private long seed;

    @Config(description = "Keep each class's share in every fold and validation set (classification only).")
    private boolean stratified = true;

    /** @param seed the seed, which OLCUT overwrites where the configuration sets one */
    ShuffledProtocol(long seed) {
        this.seed = seed;
    }

    /** @return a generator for the shuffles, the same for every run with this seed */
    final Random random() {
        return new Random(seed);
    }

    /**
     * @param strata one class index per row, or null
     * @return the strata to keep in each shuffle, or null where stratification is off
     */
    final int[] strataKept(int[] strata) {
        return stratified ? strata : null;
    }

    @Override
    public final String describe(Task task) {
        return describeSplits() + (stratified && task == Task.CLASSIFICATION ? " (stratified)" : "") + ", seed " + seed;
    }

    /** @return the splits' part of {@link #describe}, which adds the stratification and seed */
    abstract String describeSplits();
}
