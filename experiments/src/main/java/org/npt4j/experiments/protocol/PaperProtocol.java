package org.npt4j.experiments.protocol;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The NPT paper's protocol for small datasets: cross-validation with 1/{@code testFraction} folds
 * (10 for the default 0.1), of which the first {@link #splits} are run; in each, a further
 * {@code validationFraction} of all rows is drawn from the non-test rows (stratified for
 * classification) to pick NPT's checkpoint. The default 0.7 / 0.2 / 0.1 is the reference's setting.
 *
 * <p>By default the comparison is fair and semi-supervised, as the paper ran it: NPT learns from the
 * training rows, chooses its checkpoint on the validation rows (which also join its prediction
 * context) and sees the test rows' features with their labels unknown; trainers without a
 * validation set of their own learn from the training and validation rows together, so that every
 * trainer gets the same labelled rows (in the paper the baselines used validation for their
 * hyperparameter search). {@code baselinesTrainOnValidation=false} restricts them to the training rows.
 */
public final class PaperProtocol extends ShuffledProtocol {

    @Config(description = "Number of splits run, at most 1/testFraction.")
    private int splits = 10;

    @Config(description = "Share of all rows scored in each split; the folds number 1/testFraction.")
    private double testFraction = 0.1;

    @Config(description = "Share of all rows used for NPT's checkpoint selection in each split.")
    private double validationFraction = 0.2;

    @Config(description = "Trainers that take no validation set (the baselines) learn from the training and validation "
            + "rows together, so that they get the same labelled rows as NPT; false gives them the training rows alone.")
    private boolean baselinesTrainOnValidation = true;

    /** For OLCUT; the seed defaults to 42, and training is semi-supervised unless semiSupervised is unset. */
    private PaperProtocol() {
        super(42L, true);
    }

    /**
     * @param splits the number of splits to run, at most 1/{@code testFraction}
     * @param testFraction the share of rows each split scores (0.1 in the paper)
     * @param validationFraction the share of all rows each split gives NPT for checkpoint selection (0.2)
     * @param seed the shuffles' seed
     */
    public PaperProtocol(int splits, double testFraction, double validationFraction, long seed) {
        super(seed, true);
        this.splits = splits;
        this.testFraction = testFraction;
        this.validationFraction = validationFraction;
        postConfig();
    }

    @Override
    public void postConfig() {
        if (!(testFraction > 0 && testFraction <= 0.5)) {
            throw new PropertyException("", "testFraction", "must be in (0, 0.5], found " + testFraction);
        }
        if (!(validationFraction > 0 && validationFraction + testFraction < 1)) {
            throw new PropertyException("", "validationFraction", "must be above 0 and leave training rows beside testFraction "
                    + testFraction + ", found " + validationFraction);
        }
        if (splits < 1 || splits > folds()) {
            throw new PropertyException("", "splits", "must be between 1 and " + folds() + " (1/testFraction), found " + splits);
        }
    }

    private int folds() {
        return (int) Math.round(1.0 / testFraction);
    }

    @Override
    public List<Split> splits(int rows, int[] strata) {
        int k = folds();
        if (rows < k * 3) {
            throw new IllegalArgumentException("The paper protocol with " + k + " folds needs at least " + (3 * k)
                    + " rows, found " + rows);
        }
        int[] all = Folds.all(rows);
        int[] effectiveStrata = strataKept(strata);
        Random rng = random();
        int[] group = Folds.assign(all, effectiveStrata, k, rng);
        // Of the non-test rows, this share goes to validation so that it is validationFraction of all rows.
        double share = validationFraction / (1.0 - 1.0 / k);
        List<Split> out = new ArrayList<>(splits);
        for (int g = 0; g < splits; g++) {
            int[] test = Folds.select(all, group, g, true);
            int[] rest = Folds.select(all, group, g, false);
            boolean[] isValidation = validationRows(rest, effectiveStrata, share, new Random(rng.nextLong()));
            int[] train = IntStream.range(0, rest.length).filter(i -> !isValidation[i]).map(i -> rest[i]).toArray();
            int[] validation = IntStream.range(0, rest.length).filter(i -> isValidation[i]).map(i -> rest[i]).toArray();
            if (train.length == 0 || validation.length == 0) {
                throw new IllegalArgumentException("Split " + g + " has " + train.length + " training and " + validation.length
                        + " validation rows; use more rows or other fractions");
            }
            out.add(new Split(g, train, validation, test));
        }
        return out;
    }

    /** Draws round(share × class size) validation rows from each class (or from all rows without strata). */
    private static boolean[] validationRows(int[] rows, int[] strata, double share, Random rng) {
        int[] key = new int[rows.length];
        if (strata != null) {
            for (int i = 0; i < rows.length; i++) {
                key[i] = strata[rows[i]];
            }
        }
        boolean[] out = new boolean[rows.length];
        for (int c : Arrays.stream(key).distinct().sorted().toArray()) {
            int[] members = IntStream.range(0, rows.length).filter(i -> key[i] == c).toArray();
            Folds.shuffle(members, rng);
            int take = (int) Math.round(share * members.length);
            for (int i = 0; i < take; i++) {
                out[members[i]] = true;
            }
        }
        return out;
    }

    @Override
    public boolean baselinesTrainOnValidation() {
        return baselinesTrainOnValidation;
    }

    @Override
    String describeBaselines() {
        return baselinesTrainOnValidation ? ", baselines learn from train + validation"
                : ", baselines learn from the training rows alone (they get fewer labelled rows than NPT)";
    }

    @Override
    String describeSplits() {
        int k = folds();
        return String.format(java.util.Locale.ROOT, "paper protocol: %d of %d splits, %.0f%% train / %.0f%% validation / %.0f%% test",
                splits, k, 100 * (1 - validationFraction - 1.0 / k), 100 * validationFraction, 100.0 / k);
    }
}
