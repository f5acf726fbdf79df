package org.npt4j.experiments.protocol;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation: each row is scored exactly once, by the models of the fold that held
 * it out. There is no separate validation set; NPT holds out its own {@code validationFraction} of
 * each training fold to pick its checkpoint.
 */
public final class KFoldProtocol extends ShuffledProtocol {

    @Config(description = "Number of folds, 2 or more.")
    private int folds = 5;

    /** For OLCUT; the seed defaults to 1, and training is supervised unless semiSupervised is set. */
    private KFoldProtocol() {
        super(1L, false);
    }

    /**
     * @param folds the number of folds
     * @param seed the shuffle's seed
     */
    public KFoldProtocol(int folds, long seed) {
        super(seed, false);
        this.folds = folds;
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
        int[] group = Folds.assign(all, strataKept(strata), folds, random());
        List<Split> out = new ArrayList<>(folds);
        for (int g = 0; g < folds; g++) {
            out.add(new Split(g, Folds.select(all, group, g, false), new int[0], Folds.select(all, group, g, true)));
        }
        return out;
    }

    /** There are no validation rows: every trainer learns from the same training rows. */
    @Override
    public boolean baselinesTrainOnValidation() {
        return false;
    }

    @Override
    String describeSplits() {
        return folds + "-fold cross-validation";
    }
}
