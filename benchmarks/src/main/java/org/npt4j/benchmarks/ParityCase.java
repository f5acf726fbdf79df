package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import java.util.List;
import java.util.function.Supplier;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.table.Table;
import org.npt4j.demo.BundledDatasets;

/**
 * A data set of the parity check with the reference's settings for it ({@code scripts/uci_class_reg.sh},
 * "Default", with the short step budgets of the research note {@code reference-parity.md}). Everything
 * else is {@link Preset#PAPER}'s defaults, which are the reference's: 8 layers, 8 heads, full batch,
 * LAMB in Lookahead, flat-then-cosine learning rate with 0.5 flat, clipping 1, feature mask 0.15,
 * target mask 1, λ cosine from 1.
 *
 * <p>The bundled tables keep the file order of {@code wdbc.data} and {@code boston_house_prices.csv},
 * which is the order the split's row indices refer to.
 */
enum ParityCase {
    /** Breast Cancer: e = 32, lr 5e-4, 100 full-batch steps; the malignant class is the positive one. */
    BREAST_CANCER("Breast Cancer", "breast-cancer", BundledDatasets::breastCancer, BundledDatasets.BREAST_CANCER_TARGET,
            32, 5e-4, 100, "M"),
    /** Boston: e = 128, lr 1e-3, 40 full-batch steps; CHAS and RAD categorical. */
    BOSTON("Boston", "boston-housing", BundledDatasets::boston, BundledDatasets.BOSTON_TARGET, 128, 1e-3, 40, null);

    /** The reference validates every 10 steps at these budgets (the paper: every step). */
    static final int EVALUATION_EVERY = 10;

    private final String title;
    private final String splitKey;
    private final Supplier<Table> table;
    private final String target;
    private final int embeddingDim;
    private final double learningRate;
    private final int steps;
    private final String positiveClass;

    ParityCase(String title, String splitKey, Supplier<Table> table, String target, int embeddingDim, double learningRate,
            int steps, String positiveClass) {
        this.title = title;
        this.splitKey = splitKey;
        this.table = table;
        this.target = target;
        this.embeddingDim = embeddingDim;
        this.learningRate = learningRate;
        this.steps = steps;
        this.positiveClass = positiveClass;
    }

    /** @return the name shown in the report */
    String title() {
        return title;
    }

    /** @return the data set's key in the split file */
    String splitKey() {
        return splitKey;
    }

    /** @return the whole table, in file order */
    Table table() {
        return table.get();
    }

    /** @return the target column */
    String target() {
        return target;
    }

    /** @return the target as the trainer takes it */
    List<String> targets() {
        return List.of(target);
    }

    /** @return the reference's step budget for this data set */
    int steps() {
        return steps;
    }

    /** @return whether the target is a class */
    boolean classification() {
        return positiveClass != null;
    }

    /** @return the class whose AUROC is reported (malignant), or null for regression */
    String positiveClass() {
        return positiveClass;
    }

    /**
     * @param seed the run's seed
     * @param stepCount the steps to train (the reference's budget, or a smoke-test override)
     * @return the reference's settings for this data set
     */
    NptConfig config(long seed, int stepCount) {
        return NptConfig.builder(Preset.PAPER)
                .set(EMBEDDING_DIM, embeddingDim)
                .set(LEARNING_RATE, learningRate)
                .set(STEPS, stepCount)
                .set(EVALUATION_INTERVAL, EVALUATION_EVERY)
                // PAPER's default already; set so that the parity does not hinge on a default changing.
                .set(BATCH_SIZE, 0)
                .set(SEED, seed)
                .build();
    }
}
