package org.npt4j.core.encoding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.npt4j.core.NptInputException;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;
import org.npt4j.core.table.Table;

/**
 * Fits the encoders of a table following the reference preprocessing: feature statistics and
 * categories from every row (the whole table is NPT's input), target statistics from training rows
 * only and target categories from labelled rows only, so that test labels never shape the encoding.
 * In a weighted table the target statistics are weighted by the rows' weights, as they would be by
 * copies of the rows: targets enter training only through the weighted loss, which is measured in
 * these units. Feature statistics stay unweighted, since every row's features are inputs whatever
 * its weight. With no target at all every column is a feature: the model then learns only to
 * reconstruct masked cells, which is what imputation needs.
 */
public final class SchemaFitter {

    private SchemaFitter() {}

    /**
     * @param table the fit table
     * @param targets the target column names; empty for a model of features alone
     * @param roles one role per row
     * @return the fitted schema
     * @throws NptInputException for an empty table, unknown or unusable targets, or no feature column
     */
    public static TableSchema fit(Table table, List<String> targets, RowRole[] roles) {
        if (table.rowCount() == 0 || table.columnCount() == 0) {
            throw new NptInputException("The table is empty (" + table.rowCount() + " rows, "
                    + table.columnCount() + " columns); NPT needs at least one row and one feature column");
        }
        if (roles.length != table.rowCount()) {
            throw new NptInputException(roles.length + " row roles given for " + table.rowCount() + " rows");
        }
        Set<String> targetSet = new LinkedHashSet<>(targets);
        if (targetSet.size() != targets.size()) {
            throw new NptInputException("A target column is named twice in " + targets);
        }
        for (String t : targetSet) {
            table.indexOf(t);
        }
        if (targetSet.size() == table.columnCount()) {
            throw new NptInputException("Every column is a target; NPT needs at least one feature column besides " + targets);
        }
        int[] allRows = RowRoles.indicesOf(roles, RowRole.values());
        int[] trainRows = RowRoles.indicesOf(roles, RowRole.TRAIN);
        int[] labelledRows = RowRoles.indicesOf(roles, RowRole.TRAIN, RowRole.VALIDATION);
        if (trainRows.length == 0) {
            throw new NptInputException("No training rows: every row is marked VALIDATION or TEST");
        }
        List<ColumnSpec> specs = new ArrayList<>();
        for (Column c : table.columns()) {
            boolean target = targetSet.contains(c.name());
            specs.add(new ColumnSpec(c.name(), target, target
                    ? fitTarget(c, trainRows, labelledRows, table.isWeighted() ? table.rowWeights() : null)
                    : fitFeature(c, allRows)));
        }
        return new TableSchema(specs);
    }

    private static ColumnEncoder fitFeature(Column c, int[] rows) {
        if (c instanceof NumericColumn n) {
            return NumericalEncoder.fit(n.values(), rows);
        }
        return new CategoricalEncoder(List.copyOf(((CategoricalColumn) c).categoriesIn(rows)));
    }

    private static ColumnEncoder fitTarget(Column c, int[] trainRows, int[] labelledRows, double[] weights) {
        int observed = 0;
        for (int r : trainRows) {
            if (!c.isMissing(r)) {
                observed++;
            }
        }
        if (observed == 0) {
            throw new NptInputException("Target column '" + c.name() + "' has no non-missing value in the "
                    + trainRows.length + " training rows");
        }
        if (c instanceof NumericColumn n) {
            return NumericalEncoder.fit(n.values(), trainRows, weights);
        }
        SortedSet<String> categories = ((CategoricalColumn) c).categoriesIn(labelledRows);
        SortedSet<String> trainCategories = ((CategoricalColumn) c).categoriesIn(trainRows);
        if (trainCategories.size() < 2) {
            throw new NptInputException("Target column '" + c.name() + "' has a single class "
                    + trainCategories + " in the training rows; a classifier needs at least two");
        }
        return new CategoricalEncoder(List.copyOf(categories));
    }
}
