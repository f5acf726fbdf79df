package org.npt4j.core.diagnostics;

import java.util.List;
import java.util.SplittableRandom;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.Table;

/** Builds the corrupted contexts of {@link Corruption}; the tables given are never changed. */
final class ContextCorruptions {

    /**
     * A replacement context.
     *
     * @param rows the rows drawn
     * @param withReplacement whether the pool was too small to draw them without replacement
     */
    record Draw(Table rows, boolean withReplacement) {}

    private ContextCorruptions() {}

    /** @return the context with every target column's labels randomised ({@link Corruption#TARGETS_RANDOMISED}) */
    static Table randomisedTargets(Table context, TableSchema schema, SplittableRandom random) {
        Table.Builder out = Table.builder();
        for (ColumnSpec spec : schema.columns()) {
            Column column = context.column(spec.name());
            if (!spec.target()) {
                out.add(column);
            } else if (spec.encoder() instanceof CategoricalEncoder encoder) {
                out.add(uniformLabels((CategoricalColumn) column, encoder.categories(), random));
            } else {
                out.add(column.select(permutation(column.size(), random)));
            }
        }
        return out.build();
    }

    /** @return the context with each feature column shuffled on its own ({@link Corruption#FEATURES_PERMUTED}) */
    static Table permutedFeatures(Table context, TableSchema schema, SplittableRandom random) {
        Table.Builder out = Table.builder();
        for (ColumnSpec spec : schema.columns()) {
            Column column = context.column(spec.name());
            // One split per column in schema order: each column's shuffle depends on the seed and its position only.
            SplittableRandom own = random.split();
            out.add(spec.target() ? column : column.select(permutation(column.size(), own)));
        }
        return out.build();
    }

    /**
     * @param pool rows to draw from, with at least the model's columns
     * @param count how many rows to draw
     * @return the rows drawn, with exactly the schema's columns ({@link Corruption#CONTEXT_REPLACED})
     */
    static Draw freshDraw(Table pool, TableSchema schema, int count, SplittableRandom random) {
        boolean withReplacement = pool.rowCount() < count;
        int[] rows = new int[count];
        if (withReplacement) {
            for (int i = 0; i < count; i++) {
                rows[i] = random.nextInt(pool.rowCount());
            }
        } else {
            int[] order = permutation(pool.rowCount(), random);
            System.arraycopy(order, 0, rows, 0, count);
        }
        Table.Builder out = Table.builder();
        for (ColumnSpec spec : schema.columns()) {
            out.add(pool.column(spec.name()).select(rows));
        }
        return new Draw(out.build(), withReplacement);
    }

    private static CategoricalColumn uniformLabels(CategoricalColumn column, List<String> categories, SplittableRandom random) {
        String[] labels = new String[column.size()];
        for (int i = 0; i < labels.length; i++) {
            // A missing label is no label: there is nothing to corrupt, and inventing one would add information.
            labels[i] = column.isMissing(i) ? null : categories.get(random.nextInt(categories.size()));
        }
        return new CategoricalColumn(column.name(), labels);
    }

    /** @return a uniform random permutation of 0..n-1 (Fisher-Yates) */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
