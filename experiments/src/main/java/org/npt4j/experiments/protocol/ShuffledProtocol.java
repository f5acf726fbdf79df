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

    @Config(description = "Give trainers that take unlabelled examples (NPT) each split's test rows with unknown outputs, "
            + "as the NPT paper trains (semi-supervised); other trainers never see them, and no trainer sees a test label.")
    private boolean semiSupervised;

    @Config(description = "Score NPT's test rows of a split in one pass in which they attend to one another, as the "
            + "reference evaluates (paper-exact); false scores each test row against NPT's context alone, so that a "
            + "prediction depends on nothing but its own row.")
    private boolean jointTestPrediction = false;

    /**
     * @param seed the seed, which OLCUT overwrites where the configuration sets one
     * @param semiSupervised the protocol's default for {@link #semiSupervised()}
     */
    ShuffledProtocol(long seed, boolean semiSupervised) {
        this.seed = seed;
        this.semiSupervised = semiSupervised;
    }

    @Override
    public final boolean semiSupervised() {
        return semiSupervised;
    }

    @Override
    public final boolean jointTestPrediction() {
        return jointTestPrediction;
    }

    /** @return a generator for the shuffles, the same for every run with this seed */
    final Random random() {
        return random(0);
    }

    /**
     * The generator of one repetition's shuffles. Repetition 0 is seeded with the seed itself, so that a
     * protocol run once shuffles exactly as before repetitions existed; repetition r with
     * seed + r · 0x9E3779B97F4A7C15 (the golden-ratio increment), which keeps the repetitions of nearby
     * seeds (1 and 2, say) from sharing shuffles.
     *
     * @param repetition the repetition, from 0
     * @return its generator, the same for every run with this seed
     */
    final Random random(int repetition) {
        return new Random(seed + repetition * 0x9E3779B97F4A7C15L);
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
        return describeSplits() + (stratified && task == Task.CLASSIFICATION ? " (stratified)" : "") + ", seed " + seed
                + (semiSupervised ? ", semi-supervised (NPT also gets the test rows' features, never their labels)" : "")
                + (jointTestPrediction ? ", NPT scores the test rows jointly (paper-exact)" : "")
                + describeBaselines();
    }

    /** @return the splits' part of {@link #describe}, which adds the stratification and seed */
    abstract String describeSplits();

    /** @return how the baselines' rows are chosen, for {@link #describe}: empty where there is no choice */
    String describeBaselines() {
        return "";
    }
}
