package org.npt4j.core.inference;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.Table;

/**
 * Permutation importance of a fitted model's feature columns, measured on the model's own context
 * rows: model-agnostic, and the same measure other libraries call permutation (or
 * "mean decrease in accuracy") importance.
 *
 * <p><b>What is computed.</b> Up to R context rows are drawn (seeded) and scored as queries against
 * the context through {@link NptModel#predict}, once as they are and once per feature column with
 * that column's cells shuffled among the R rows (seeded; missing cells move with the shuffle, so the
 * column keeps its values and its missing markers, only their rows change). A column's importance
 * is the rise of the target loss over the unpermuted rows: for a categorical target the mean
 * negative log-probability of the true class, for a numerical target the mean squared error divided
 * by the target's variance over the scored rows, so that the numbers do not depend on the target's
 * units and compare across models; a model with several targets averages their losses. Target
 * columns are never permuted (a query's targets are masked anyway). A column the model ignores
 * scores near 0, and may score slightly below it by chance; a column whose shuffle changes no cell
 * (constant, or entirely missing, over the scored rows) scores exactly 0 without a pass.
 *
 * <p><b>In-sample.</b> The scored rows are training (and validation) rows, as permutation importance
 * on training data usually is: it says what the fitted model relies on, not what generalises. One
 * consequence is particular to NPT: with stochastic target masking ({@code targetMaskProbability}
 * below 1) the context's labels are visible at prediction, so a query can find its own copy in the
 * context and read its label there. Permuting any feature, informative or not, breaks that lookup,
 * and the importance then reflects it: a feature that merely helps identify rows can rank high.
 * With the paper's deterministic target masking (probability 1, the CPU preset's) context labels
 * are hidden and no lookup is possible.
 *
 * <p><b>Cost.</b> (feature columns + 1) predictions over R rows, each as costly as {@link
 * NptModel#predict} of R new rows (its passes of {@code predictionBatchSize} rows against the whole
 * context). The default R is {@value #DEFAULT_ROWS} or the context size, whichever is smaller.
 * Memory is what prediction needs plus R rows' copies; the model's stored context is never
 * changed, and nothing native is held beyond what {@code predict} holds.
 *
 * <p>Deterministic: the same model, R and seed give the same importances.
 */
public final class PermutationImportance {

    /** The most context rows scored by default. */
    public static final int DEFAULT_ROWS = 1000;
    /** The seed used by default, for the rows drawn and every column's shuffle. */
    public static final long DEFAULT_SEED = 1L;

    private PermutationImportance() {}

    /**
     * The importance of every feature column, over {@value #DEFAULT_ROWS} context rows (or all of
     * them, if fewer) with the default seed.
     *
     * @param model a fitted model
     * @return the importances
     */
    public static ColumnImportances of(NptModel model) {
        return of(model, DEFAULT_ROWS, DEFAULT_SEED);
    }

    /**
     * The importance of every feature column, over {@code rows} context rows (or all of them, if fewer).
     *
     * @param model a fitted model
     * @param rows how many context rows to score: more give steadier numbers at proportionally more cost
     * @param seed the seed for the rows drawn and every column's shuffle
     * @return the importances
     * @throws IllegalArgumentException if {@code rows} is not positive
     * @throws org.npt4j.core.NptInputException if no scored row has a known target value
     */
    public static ColumnImportances of(NptModel model, int rows, long seed) {
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be positive, found " + rows);
        }
        Table context = model.contextRows();
        int count = Math.min(rows, context.rowCount());
        SplittableRandom random = new SplittableRandom(seed);
        Table queries = context.selectRows(drawRows(context.rowCount(), count, random));
        TargetLoss loss = new TargetLoss(model.schema(), queries);
        double baseline = loss.of(model.predict(queries));
        Map<String, Double> importances = new LinkedHashMap<>();
        for (ColumnSpec spec : model.schema().columns()) {
            if (spec.target()) {
                continue;
            }
            // One split per column, in column order: a column's shuffle depends on the seed and its position only.
            Table permuted = permuted(queries, spec.name(), random.split());
            double importance = permuted.equals(queries) ? 0.0 : loss.of(model.predict(permuted)) - baseline;
            importances.put(spec.name(), importance);
        }
        return new ColumnImportances(importances, baseline, count);
    }

    /**
     * @return {@code count} distinct row indices below {@code total}, ascending; all of them when count = total
     */
    static int[] drawRows(int total, int count, SplittableRandom random) {
        if (count >= total) {
            return IntStream.range(0, total).toArray();
        }
        int[] all = IntStream.range(0, total).toArray();
        // A partial Fisher-Yates shuffle: the first count slots end up a uniform sample.
        for (int i = 0; i < count; i++) {
            swap(all, i, i + random.nextInt(total - i));
        }
        int[] drawn = Arrays.copyOf(all, count);
        Arrays.sort(drawn);
        return drawn;
    }

    /**
     * @return the table with one column's cells shuffled among its rows, missing cells included; the
     *     other columns unchanged
     */
    static Table permuted(Table rows, String column, SplittableRandom random) {
        int[] order = IntStream.range(0, rows.rowCount()).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            swap(order, i, random.nextInt(i + 1));
        }
        Table.Builder out = Table.builder();
        for (Column c : rows.columns()) {
            out.add(c.name().equals(column) ? c.select(order) : c);
        }
        return out.build();
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
