package org.npt4j.core.training;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.Imputation;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.Table;

/**
 * Fills the missing cells of a table with an NPT trained on that table alone, without a target:
 * every column is a feature, the loss is the reconstruction of masked cells (at weight 1
 * throughout, whatever the λ schedule says), and every row is both a training row and, once fitted,
 * the context each row is imputed against ({@link NptModel#impute}). No validation rows are held
 * out, since there is no target loss to choose a checkpoint by: the model keeps its last weights.
 *
 * <pre>{@code
 * Imputation imputation = new NptImputer(NptConfig.of(Preset.CPU_QUICK)).fitAndImpute(table);
 * Table complete = imputation.filled();
 * }</pre>
 *
 * For other rows to fill later, {@link #fit} keeps the model. Deterministic for a given seed and
 * {@code threads} setting on the CPU, as {@link NptTrainer} is. Holds no state between calls.
 */
public final class NptImputer {

    private final NptTrainer trainer;

    /**
     * @param config the hyperparameters; {@code validationFraction} and {@code patience} play no part
     */
    public NptImputer(NptConfig config) {
        this(config, TrainingListener.NONE);
    }

    /**
     * @param config the hyperparameters
     * @param listener receives progress after every step
     */
    public NptImputer(NptConfig config, TrainingListener listener) {
        this.trainer = new NptTrainer(config, listener);
    }

    /** @return the configuration */
    public NptConfig config() {
        return trainer.config();
    }

    /**
     * Fits a model of the table's columns with no target, which reconstructs cells of any column.
     * Its context is every row of the table.
     *
     * @param table the rows to learn from, with row weights if their reconstruction losses should count unequally
     * @return the model
     * @throws NptInputException if the table is empty or a column has no observed cell
     */
    public NptModel fit(Table table) {
        Objects.requireNonNull(table, "table");
        if (table.rowCount() == 0 || table.columnCount() == 0) {
            throw new NptInputException("The table is empty (" + table.rowCount() + " rows, " + table.columnCount()
                    + " columns); imputation needs at least one row and one column");
        }
        for (Column c : table.columns()) {
            if (IntStream.range(0, c.size()).allMatch(c::isMissing)) {
                throw new NptInputException("Column '" + c.name() + "' has no observed cell: there is nothing to learn its "
                        + "values from; drop it before imputing");
            }
        }
        return trainer.fit(table, List.of(), null);
    }

    /**
     * Fits on the table ({@link #fit}) and fills its missing cells with the model, the table itself
     * being the context. A table without a missing cell still trains (and comes back as it is).
     *
     * @param table the table to fill
     * @return the filled table and the predicted distribution of each filled cell
     * @throws NptInputException if the table is empty or a column has no observed cell
     */
    public Imputation fitAndImpute(Table table) {
        try (NptModel model = fit(table)) {
            return model.impute(table);
        }
    }
}
