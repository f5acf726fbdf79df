package org.npt4j.core.training;

import java.util.List;
import java.util.Objects;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.NptModel;
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
     * @param targets the columns to predict (any mix of categorical and numerical); empty for a model that
     *     only reconstructs masked cells, to impute them ({@link NptImputer}): its loss is the feature loss
     *     alone, no validation rows are held out (there is no target loss to validate), and every row is
     *     context
     * @param roles one role per row, or null for all {@link RowRole#TRAIN}; a training row whose
     *     targets are all missing is an unlabelled row ({@link RowRole#TEST}), or is dropped when
     *     {@code unlabelledRows} is off
     * @return the fitted model
     * @throws NptInputException if the data cannot be used (the message names the column and row), or
     *     validation rows are given without a target
     * @throws NptMemoryException (an {@code NptInputException}) if training on the CPU would need more
     *     memory than the process has; setting {@code memoryCheck} turns this check off
     */
    public NptModel fit(Table table, List<String> targets, RowRole[] roles) {
        TrainingSession session = start(table, targets, roles);
        // The lock and the threads are held for the whole fit: another fit in this JVM waits rather than
        // holding its network in memory beside this one between steps.
        return TrainingLock.run(() -> session.onThreads(() -> {
            try (session) {
                session.advanceTo(session.plannedSteps());
                return session.finish();
            }
        }));
    }

    /**
     * Starts a fit that can stop after any step and continue later ({@link TrainingSession}).
     * {@code fit} is {@code start}, {@code advanceTo(steps)} and {@code finish()}.
     *
     * @param table the whole table, as for {@link #fit(Table, List, RowRole[])}
     * @param targets the columns to predict
     * @param roles one role per row, or null for all {@link RowRole#TRAIN}
     * @return the session, at step 0; close it if it is not finished
     * @throws NptInputException if the data cannot be used; the message names the column and row
     */
    public TrainingSession start(Table table, List<String> targets, RowRole[] roles) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(targets, "targets");
        return TrainingSession.prepare(config, listener, table, targets, roles, null);
    }

    /**
     * Continues a stopped fit from its state, on the same table, targets and roles it started with.
     * The trainer's settings must be the state's ({@link TrainingState#config()}).
     *
     * @param state where the fit stopped
     * @param table the table it learned from
     * @param targets its targets
     * @param roles its roles, or null for all {@link RowRole#TRAIN}
     * @return the session, at the state's step
     * @throws NptInputException if the table, targets or roles are not those the state learned from
     * @throws IllegalArgumentException if this trainer's settings are not the state's
     */
    public TrainingSession resume(TrainingState state, Table table, List<String> targets, RowRole[] roles) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(targets, "targets");
        if (!state.config().equals(config)) {
            throw new IllegalArgumentException("The training state was started with other settings: continue it with "
                    + "a trainer of the state's settings (TrainingState.config()): " + state.config().describe());
        }
        return TrainingSession.prepare(config, listener, table, targets, roles, state);
    }
}
