package org.npt4j.experiments.report;

import java.util.List;
import org.npt4j.experiments.protocol.Split;

/**
 * How an experiment's folds are numbered: from 0 to {@code repeats · foldsPerRepeat − 1}, repetition by
 * repetition, so that a fold's number alone identifies it (file names, {@code folds.csv}, pairing in
 * the significance test) and its repetition follows from it. Files get a {@code repeat} column only
 * when the protocol repeats, so that the files of a protocol run once keep the columns they always had.
 *
 * @param repeats the number of repetitions, 1 or more
 * @param foldsPerRepeat the folds in each repetition, 1 or more
 */
public record FoldNumbering(int repeats, int foldsPerRepeat) {

    /**
     * @throws IllegalArgumentException if either count is below 1
     */
    public FoldNumbering {
        if (repeats < 1 || foldsPerRepeat < 1) {
            throw new IllegalArgumentException(repeats + " repeats of " + foldsPerRepeat + " folds");
        }
    }

    /**
     * @param folds the number of folds of a protocol that does not repeat
     * @return their numbering
     */
    public static FoldNumbering single(int folds) {
        return new FoldNumbering(1, folds);
    }

    /**
     * @param splits a protocol's splits, numbered repetition by repetition
     * @return their numbering
     * @throws IllegalArgumentException if the repetitions do not all have the same number of splits
     */
    public static FoldNumbering of(List<Split> splits) {
        int repeats = splits.stream().mapToInt(Split::repeat).max().orElse(0) + 1;
        if (splits.isEmpty() || splits.size() % repeats != 0) {
            throw new IllegalArgumentException(splits.size() + " splits do not divide into " + repeats + " repetitions");
        }
        return new FoldNumbering(repeats, splits.size() / repeats);
    }

    /** @return all folds, over every repetition */
    public int folds() {
        return repeats * foldsPerRepeat;
    }

    /** @return whether the protocol repeats, so that files carry a {@code repeat} column */
    public boolean repeated() {
        return repeats > 1;
    }

    /**
     * @param fold a fold's number
     * @return its repetition, from 0
     */
    public int repeat(int fold) {
        return fold / foldsPerRepeat;
    }

    /** @return e.g. "10 folds (5 repeats × 2 folds)", or "5 folds" */
    public String describe() {
        return folds() + " folds" + (repeated() ? " (" + repeats + " repeats × " + foldsPerRepeat + " folds)" : "");
    }
}
