package org.npt4j.core.training;

import static org.npt4j.core.Settings.UNLABELLED_ROWS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;
import org.npt4j.core.table.Table;

/**
 * The rows of one fit and their final roles: the caller's roles, with training rows that have no
 * target value made unlabelled ({@link RowRole#TEST}) or dropped, as {@code unlabelledRows} says,
 * and validation rows held out where the caller gave none. A sweep prepares its rows once, so that
 * every variant trains and is judged on the same ones. A fit without a target column (features
 * alone, for imputation) has no unlabelled rows and no validation rows: there is no target loss to
 * validate.
 *
 * @param table the rows that take part, in the caller's order, with their weights if the caller gave any
 * @param roles one role per row of {@code table}
 * @param sourceRows for each row of {@code table}, its index in the caller's table
 */
record FitRows(Table table, RowRole[] roles, int[] sourceRows) {

    /**
     * @param table the caller's table
     * @param targets the target columns
     * @param roles the caller's roles, or null for all {@link RowRole#TRAIN}
     * @param config the unlabelled-rows and validation settings
     * @param splitter the random source of the validation hold-out
     * @return the prepared rows
     * @throws NptInputException if the roles do not fit the table, no labelled training row is left, or the
     *     row weights leave no training or no validation row that counts
     */
    static FitRows prepare(Table table, List<String> targets, RowRole[] roles, NptConfig config, SplittableRandom splitter) {
        RowRole[] given = roles == null ? RowRoles.filled(table.rowCount(), RowRole.TRAIN) : roles.clone();
        if (given.length != table.rowCount()) {
            throw new NptInputException(given.length + " row roles given for a table of " + table.rowCount() + " rows");
        }
        if (table.rowCount() == 0) {
            throw new NptInputException("The table is empty: NPT needs at least one training row");
        }
        for (String t : targets) {
            table.indexOf(t);
        }
        if (RowRoles.indicesOf(given, RowRole.TRAIN).length == 0) {
            throw new NptInputException("No training rows: every row is marked VALIDATION or TEST");
        }
        if (targets.isEmpty() && RowRoles.indicesOf(given, RowRole.VALIDATION).length > 0) {
            throw new NptInputException("Validation rows were given for a fit without a target column: validation scores "
                    + "target predictions, so there is nothing to validate; mark those rows TRAIN (or TEST)");
        }
        for (int i = 0; i < given.length; i++) {
            if (given[i] == RowRole.TRAIN && unlabelled(table, targets, i)) {
                given[i] = RowRole.TEST;
            }
        }
        Table kept = table;
        int[] source = IntStream.range(0, table.rowCount()).toArray();
        if (!config.get(UNLABELLED_ROWS)) {
            RowRole[] caller = given;
            int[] labelled = IntStream.range(0, caller.length)
                    .filter(i -> caller[i] != RowRole.TEST || roles != null && roles[i] == RowRole.TEST).toArray();
            kept = table.selectRows(labelled);
            source = labelled;
            given = IntStream.of(labelled).mapToObj(i -> caller[i]).toArray(RowRole[]::new);
        }
        if (RowRoles.indicesOf(given, RowRole.TRAIN).length == 0) {
            throw new NptInputException((targets.size() == 1 ? "Target column '" + targets.get(0) + "' has"
                    : "Target columns " + targets + " have") + " no non-missing value in the training rows: NPT needs at least "
                    + "one labelled training row (rows without a target are unlabelled rows)");
        }
        RowRole[] effective = ValidationSplitter.split(kept, targets, given, config.get(VALIDATION_FRACTION), splitter);
        checkWeights(kept, effective);
        return new FitRows(kept, effective, source);
    }

    /**
     * Zero weights are allowed row by row, but they must leave a target loss to learn from and, where
     * there are validation rows, a validation loss to choose the checkpoint by (0 / 0 otherwise).
     */
    private static void checkWeights(Table table, RowRole[] roles) {
        if (!table.isWeighted()) {
            return;
        }
        if (totalWeight(table, RowRoles.indicesOf(roles, RowRole.TRAIN)) == 0) {
            throw new NptInputException("Every labelled training row has weight 0: there is no target loss to learn "
                    + "from; give some labelled training rows a positive weight");
        }
        int[] validation = RowRoles.indicesOf(roles, RowRole.VALIDATION);
        if (validation.length > 0 && totalWeight(table, validation) == 0) {
            throw new NptInputException("Every one of the " + validation.length + " validation rows has weight 0: there "
                    + "is no validation loss to choose the checkpoint by; give some validation rows a positive weight");
        }
    }

    private static double totalWeight(Table table, int[] rows) {
        double sum = 0;
        for (int r : rows) {
            sum += table.rowWeight(r);
        }
        return sum;
    }

    /** @return whether the row has targets and every one of them is missing; with no target no row is unlabelled */
    private static boolean unlabelled(Table table, List<String> targets, int row) {
        if (targets.isEmpty()) {
            return false;
        }
        for (String t : targets) {
            if (!table.column(t).isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    /** @return the indices of the rows NPT keeps as its prediction context: the labelled ones */
    int[] contextRows() {
        return RowRoles.indicesOf(roles, RowRole.TRAIN, RowRole.VALIDATION);
    }

    /**
     * @return for each row NPT keeps as its prediction context, in context order, the index of the
     *     caller's row it is
     */
    int[] contextSourceRows() {
        return IntStream.of(contextRows()).map(r -> sourceRows[r]).toArray();
    }

    /** @return one flag per row: whether its targets must stay hidden from training */
    boolean[] testRows() {
        boolean[] out = new boolean[roles.length];
        for (int i = 0; i < roles.length; i++) {
            out[i] = roles[i] == RowRole.TEST;
        }
        return out;
    }
}
