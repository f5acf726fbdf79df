package org.npt4j.core.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npt4j.core.NptInputException;

/**
 * The permutation importance of each feature column of a model, as computed by {@link
 * PermutationImportance}: how much the target loss rose when that column's values were shuffled
 * among the rows scored. Immutable.
 */
public final class ColumnImportances {

    /**
     * One column's importance.
     *
     * @param column the feature column
     * @param importance the rise in target loss when it was permuted; near 0 or negative for a column the
     *     predictions do not use
     */
    public record Entry(String column, double importance) {}

    private final Map<String, Double> byColumn;
    private final double baselineLoss;
    private final int rowsScored;

    /**
     * @param importances the importance of each feature column, in model column order
     * @param baselineLoss the target loss of the rows as they are
     * @param rowsScored how many rows were scored per pass
     */
    ColumnImportances(Map<String, Double> importances, double baselineLoss, int rowsScored) {
        this.byColumn = Collections.unmodifiableMap(new LinkedHashMap<>(importances));
        this.baselineLoss = baselineLoss;
        this.rowsScored = rowsScored;
    }

    /** @return the feature columns and their importances, in model column order */
    public Map<String, Double> byColumn() {
        return byColumn;
    }

    /**
     * @param column a feature column of the model
     * @return its importance
     * @throws NptInputException if the model has no such feature column
     */
    public double importance(String column) {
        Double value = byColumn.get(column);
        if (value == null) {
            throw new NptInputException("'" + column + "' is not a feature column of the model; its feature columns are "
                    + byColumn.keySet());
        }
        return value;
    }

    /** @return every column, most important first; columns of equal importance stay in model column order */
    public List<Entry> ranked() {
        List<Entry> out = new ArrayList<>();
        byColumn.forEach((column, importance) -> out.add(new Entry(column, importance)));
        // List.sort is stable, which keeps ties (constant columns, all at 0) in a fixed order.
        out.sort(Comparator.comparingDouble(Entry::importance).reversed());
        return out;
    }

    /** @return the target loss of the scored rows with no column permuted, the baseline of every importance */
    public double baselineLoss() {
        return baselineLoss;
    }

    /** @return how many context rows were scored in each pass */
    public int rowsScored() {
        return rowsScored;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ColumnImportances[%d rows, baseline loss %.4f:",
                rowsScored, baselineLoss));
        for (Entry e : ranked()) {
            sb.append(String.format(Locale.ROOT, " %s=%.4f", e.column(), e.importance()));
        }
        return sb.append(']').toString();
    }
}
