package org.npt4j.core.training;

import static org.npt4j.core.Settings.SEED;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.SchemaFitter;
import org.npt4j.core.encoding.TableEncoder;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/**
 * Fits NPT models. A fit takes the whole table: training rows, optional validation rows (for
 * checkpoint selection) and optional test rows (whose features take part in semi-supervised
 * training but whose targets are never read). Without validation rows, a stratified
 * {@code validationFraction} of the training rows is held out. A table with row weights
 * ({@link Table#withRowWeights}) weights each row's loss, in training and in the validation loss
 * that chooses the checkpoint; weights that are all equal train exactly as no weights do.
 *
 * <pre>{@code
 * NptModel model = new NptTrainer(NptConfig.of(Preset.CPU_FAST)).fit(table, "diagnosis");
 * Predictions p = model.predict(newRows);
 * }</pre>
 *
 * Fitting is deterministic for a given seed and {@code threads} setting on the CPU (another thread
 * count may change the result in the last bits). Fits run one at a time per JVM ({@link
 * TrainingLock}), each on the intra-op threads its {@code threads} setting asks for, set on the
 * fitting thread and restored afterwards; a trainer itself holds no state between fits and may be shared.
 */
public final class NptTrainer {

    private final NptConfig config;
    private final TrainingListener listener;

    /**
     * @param config the hyperparameters
     */
    public NptTrainer(NptConfig config) {
        this(config, TrainingListener.NONE);
    }

    /**
     * @param config the hyperparameters
     * @param listener receives progress after every step
     */
    public NptTrainer(NptConfig config, TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** @return the configuration */
    public NptConfig config() {
        return config;
    }

    /**
     * Fits on every row of the table.
     *
     * @param table the training table
     * @param target the column to predict
     * @return the fitted model
     */
    public NptModel fit(Table table, String target) {
        return fit(table, List.of(target), null);
    }

    /**
     * Fits on a table in which each row has a role.
     *
     * @param table the whole table, with row weights if its rows should count unequally
     * @param targets the columns to predict (any mix of categorical and numerical)
     * @param roles one role per row, or null for all {@link RowRole#TRAIN}; a training row whose
     *     targets are all missing is an unlabelled row ({@link RowRole#TEST}), or is dropped when
     *     {@code unlabelledRows} is off
     * @return the fitted model
     * @throws NptInputException if the data cannot be used; the message names the column and row
     * @throws NptMemoryException (an {@code NptInputException}) if training on the CPU would need more
     *     memory than the process has; setting {@code memoryCheck} turns this check off
     */
    public NptModel fit(Table table, List<String> targets, RowRole[] roles) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(targets, "targets");
        SplittableRandom rng = new SplittableRandom(config.get(SEED));
        FitRows rows = FitRows.prepare(table, targets, roles, config, rng.split());
        RowRole[] effective = rows.roles();
        TableSchema schema = SchemaFitter.fit(rows.table(), targets, effective);
        // Before encoding and before waiting for the lock: a fit that cannot fit in memory fails in a
        // moment with advice, not at the OOM killer half-way through training.
        MemoryCheck.ofThisProcess().verify(config, ColumnLayout.of(schema), effective);
        // Test targets are dropped here, before anything else sees the encoded table.
        EncodedTable truth = TableEncoder.encode(rows.table(), schema, true).withTargetsHidden(rows.testRows());
        TrainingRun.Result result = TrainingLock.run(
                () -> TrainingRun.onTable(config, truth, effective, rng, listener).execute());
        // Training and validation rows are labelled: the model carries them as its prediction context (without
        // their weights, which belong to the loss).
        return new NptModel(config, schema, rows.table().selectRows(rows.contextRows()), result.weights(), result.summary());
    }
}
