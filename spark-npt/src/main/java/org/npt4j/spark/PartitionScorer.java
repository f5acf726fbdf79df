package org.npt4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.Predictions;

/**
 * Scores one partition: takes the model from the executor's cache, and turns the partition's rows
 * into scored rows batch by batch, lazily, so that a partition of any size holds one batch at a
 * time. A row's prediction depends on the model's context and the row alone, never on the other
 * rows of its batch, so the batch size changes speed and memory, not results (up to float rounding
 * of differently shaped passes).
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final BroadcastModel model;
    private final ScoringLayout layout;

    PartitionScorer(BroadcastModel model, ScoringLayout layout) {
        this.model = model;
        this.layout = layout;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        // As many intra-op threads as cores Spark gave this task (spark.task.cpus): more would take cores other tasks were given.
        TaskContext task = TaskContext.get();
        int threads = task == null ? 1 : Math.max(1, task.cpus());
        return new Iterator<>() {
            private final List<Row> batch = new ArrayList<>(layout.batchSize());
            /** Taken at the first batch: an empty partition needs no model. */
            private NptModel npt;
            private Predictions predictions;
            private int next;

            @Override
            public boolean hasNext() {
                if (next < batch.size()) {
                    return true;
                }
                batch.clear();
                next = 0;
                while (batch.size() < layout.batchSize() && rows.hasNext()) {
                    batch.add(rows.next());
                }
                if (batch.isEmpty()) {
                    return false;
                }
                if (npt == null) {
                    npt = ExecutorModels.get(model, threads);
                }
                predictions = npt.predict(layout.table(batch));
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return RowFactory.create(layout.scored(batch.get(i), predictions, i));
            }
        };
    }
}
