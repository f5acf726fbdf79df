package org.npt4j.experiments.protocol;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation: each row is scored exactly once, by the models of the fold that held
 * it out. There is no separate validation set; NPT holds out its own {@code validationFraction} of
 * each training fold to pick its checkpoint.
 *
 * <p>With {@code repeats} r above 1 the whole k-fold is run r times, each time on a new shuffle
 * (repetition i's from the seed and i, see {@link ShuffledProtocol}), giving r·k splits numbered 0 to
 * r·k − 1, repetition by repetition: Dietterich's 5×2cv is {@code repeats} 5, {@code folds} 2. Every
 * row is scored once per repetition.
 */
public final class KFoldProtocol extends ShuffledProtocol {

    @Config(description = "Number of folds, 2 or more.")
    private int folds = 5;

    @Config(description = "Number of times the k-fold cross-validation is run, each on a new shuffle; 1 or more. "
            + "Repetition i shuffles with seed + i * 0x9E3779B97F4A7C15, so repetition 0 is the plain k-fold.")
    private int repeats = 1;

    /** For OLCUT; the seed defaults to 1, and training is supervised unless semiSupervised is set. */
    private KFoldProtocol() {
        super(1L, false);
    }

    /**
     * @param folds the number of folds
     * @param seed the shuffle's seed
     */
    public KFoldProtocol(int folds, long seed) {
        this(folds, 1, seed);
    }

    /**
     * @param folds the number of folds
     * @param repeats how many times the k-fold is run, each on a new shuffle
     * @param seed the shuffles' seed
     */
    public KFoldProtocol(int folds, int repeats, long seed) {
        super(seed, false);
        this.folds = folds;
        this.repeats = repeats;
        postConfig();
    }

    @Override
    public void postConfig() {
        if (folds < 2) {
            throw new PropertyException("", "folds", "must be 2 or more, found " + folds);
        }
        if (repeats < 1) {
            throw new PropertyException("", "repeats", "must be 1 or more, found " + repeats);
        }
    }

    @Override
    public List<Split> splits(int rows, int[] strata) {
        if (rows < folds) {
            throw new IllegalArgumentException(folds + "-fold cross-validation needs at least " + folds + " rows, found " + rows);
        }
        int[] all = Folds.all(rows);
        List<Split> out = new ArrayList<>(repeats * folds);
        for (int r = 0; r < repeats; r++) {
            int[] group = Folds.assign(all, strataKept(strata), folds, random(r));
            for (int g = 0; g < folds; g++) {
                out.add(new Split(r * folds + g, r, Folds.select(all, group, g, false), new int[0], Folds.select(all, group, g, true)));
            }
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
        return repeats == 1 ? folds + "-fold cross-validation"
                : repeats + " × " + folds + "-fold cross-validation (" + repeats + " repeats, " + repeats * folds + " folds)";
    }
}
