package org.npt4j.experiments.protocol;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.npt4j.experiments.score.Task;

/**
 * k-fold cross-validation: each row is scored exactly once, by the models of the fold that held
 * it out. There is no separate validation set; NPT holds out its own {@code validationFraction} of
 * each training fold to pick its checkpoint.
 */
public final class KFoldProtocol implements Protocol {

    @Config(description = "Number of folds, 2 or more.")
    private int folds = 5;

    @Config(description = "Seed of the shuffle that assigns rows to folds.")
    private long seed = 1L;

    @Config(description = "Keep each class's share in every fold (classification only).")
    private boolean stratified = true;

    /** For OLCUT. */
    private KFoldProtocol() {}

    /**
     * @param folds the number of folds
     * @param seed the shuffle's seed
     */
    public KFoldProtocol(int folds, long seed) {
        this.folds = folds;
        this.seed = seed;
        postConfig();
    }

    @Override
    public void postConfig() {
        if (folds < 2) {
            throw new PropertyException("", "folds", "must be 2 or more, found " + folds);
        }
    }

    @Override
    public List<Split> splits(int rows, int[] strata) {
        if (rows < folds) {
            throw new IllegalArgumentException(folds + "-fold cross-validation needs at least " + folds + " rows, found " + rows);
        }
        int[] all = Folds.all(rows);
        int[] group = Folds.assign(all, stratified ? strata : null, folds, new Random(seed));
        List<Split> out = new ArrayList<>(folds);
        for (int g = 0; g < folds; g++) {
            out.add(new Split(g, Folds.select(all, group, g, false), new int[0], Folds.select(all, group, g, true)));
        }
        return out;
    }

    @Override
    public String describe(Task task) {
        return folds + "-fold cross-validation" + (stratified && task == Task.CLASSIFICATION ? " (stratified)" : "") + ", seed " + seed;
    }
}
