package org.npt4j.core.training;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.MEMORY_CHECK;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.SEMI_SUPERVISED;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.NptConfig;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;

/**
 * Refuses, before the first step, a CPU fit whose {@link MemoryEstimate} exceeds the memory the
 * process can still allocate, so that a table too large for full-batch NPT fails at once with
 * advice instead of meeting the OOM killer half-way through training (setting {@code memoryCheck}).
 *
 * <p>The raw estimate is compared ({@link #SAFETY_FACTOR} 1). It is a lower bound, and measured
 * peaks run up to twice it, so a run that passes can still run out; but a run that fails needs
 * more than the process has even by the lower bound. A larger factor would refuse runs that
 * succeed today, e.g. Breast Cancer at the paper's settings (1.7 GB estimated, 3.3 GB peak) on a
 * machine with 3 GB free. The batch size the message suggests does leave room for the measured
 * peak ({@link #MEASURED_PEAK_FACTOR}).
 *
 * <p>Only the CPU is checked: on a GPU the network, its state and the activations live in device
 * memory, and host RAM is not what runs out. {@code auto} is not checked either, since which device
 * it means is known only once the native engine is loaded, under the training lock.
 */
final class MemoryCheck {

    private static final Logger LOG = Logger.getLogger(MemoryCheck.class.getName());

    /** The multiple of the estimate that must fit: the estimate itself (see the class comment). */
    static final double SAFETY_FACTOR = 1.0;
    /**
     * Peak resident memory over the estimate as the benchmarks measure it at the paper's shapes
     * (1.8 to 1.9): a suggested batch size leaves this much room, so that following the advice
     * gives a run that completes, not one that only passes the check.
     */
    static final double MEASURED_PEAK_FACTOR = 2.0;

    private static final double GB = 1e9;

    private final Supplier<OptionalLong> available;

    /**
     * @param available the bytes the process can still allocate, empty when unknown; asked only
     *     when the check applies
     */
    MemoryCheck(Supplier<OptionalLong> available) {
        this.available = available;
    }

    /** @return the check against this process's cgroup and host memory */
    static MemoryCheck ofThisProcess() {
        return new MemoryCheck(AvailableMemory::ofThisProcess);
    }

    /**
     * @param config the settings of the fit
     * @param layout the columns the network is built for
     * @param roles the role of each row of the fit table
     * @throws NptMemoryException if the estimate exceeds what is available
     */
    void verify(NptConfig config, ColumnLayout layout, RowRole[] roles) {
        if (!config.get(MEMORY_CHECK)) {
            LOG.fine("memoryCheck=false: the memory check before training is skipped");
            return;
        }
        if (DeviceSpec.parse(config.get(DEVICE)).kind() != DeviceSpec.Kind.CPU) {
            LOG.fine(() -> "device " + config.get(DEVICE) + ": host memory is not the limit, the memory check is skipped");
            return;
        }
        OptionalLong free = available.get();
        if (free.isEmpty()) {
            LOG.fine("Neither the cgroup's memory limit nor /proc/meminfo could be read: the memory check is skipped");
            return;
        }
        long rows = batchRows(config, roles);
        long parameters = MemoryEstimate.parameterCount(layout, config);
        double need = need(layout, config, rows, parameters);
        LOG.fine(() -> String.format(Locale.ROOT, "memory check: %.2f GB needed, %.2f GB available", need / GB,
                free.getAsLong() / GB));
        if (need > free.getAsLong()) {
            throw new NptMemoryException(message(layout, config, rows, parameters, need, free.getAsLong()),
                    (long) need, free.getAsLong());
        }
    }

    /**
     * The largest batch a step works on: the training batch (the whole working table when full
     * batch, with validation and test rows when semi-supervised, as {@code TrainingRun.onTable}
     * builds it) or a validation batch, whose forward pass keeps its activations until it ends.
     *
     * @return rows of the largest batch
     */
    static long batchRows(NptConfig config, RowRole[] roles) {
        boolean semi = config.get(SEMI_SUPERVISED);
        int train = RowRoles.indicesOf(roles, RowRole.TRAIN).length;
        int validation = RowRoles.indicesOf(roles, RowRole.VALIDATION).length;
        long trainingWork = semi ? roles.length : train;
        long evaluationWork = validation == 0 ? 0 : semi ? roles.length : train + validation;
        return Math.max(batch(trainingWork, config), batch(evaluationWork, config));
    }

    /** @return the rows of the largest batch of a working table of n rows; batches never exceed batchSize */
    private static long batch(long n, NptConfig config) {
        return config.fullBatch() ? n : Math.min(n, config.get(BATCH_SIZE));
    }

    private static double need(ColumnLayout layout, NptConfig config, long rows, long parameters) {
        return SAFETY_FACTOR * MemoryEstimate.trainingStepBytes(layout.columnCount(), config, rows, parameters);
    }

    private static String message(ColumnLayout layout, NptConfig config, long rows, long parameters, double need, long free) {
        String batch = config.fullBatch() ? "full batch of" : "batches of";
        OptionalLong smaller = fittingBatchSize(layout, config, rows, parameters, free);
        String advice = smaller.isPresent()
                ? "set batchSize (e.g. " + smaller.getAsLong() + predictionPassBelow(config, smaller.getAsLong())
                        + "), or lower embeddingDim, depth or heads"
                : "lower embeddingDim, depth or heads (no batchSize is small enough on its own)";
        return String.format(Locale.ROOT, "Training needs at least %,.1f GB (%s %,d rows, e=%d, %d layers, %d heads; "
                + "measured peaks run up to twice this estimate) but %,.1f GB is available to this process; %s; "
                + "memoryCheck=false skips this check", need / GB, batch, rows, config.get(EMBEDDING_DIM),
                config.get(DEPTH), config.get(HEADS), free / GB, advice);
    }

    /** A batch size must exceed the prediction pass ({@code NptConfig}'s rule), or the advice would not be a valid setting. */
    private static String predictionPassBelow(NptConfig config, long batch) {
        return config.get(PREDICTION_BATCH_SIZE) >= batch ? ", with predictionBatchSize below it" : "";
    }

    /** @return the largest power of two below rows (at least 2) whose batches fit with room for the measured peak, if any */
    static OptionalLong fittingBatchSize(ColumnLayout layout, NptConfig config, long rows, long parameters, long free) {
        for (long b = Long.highestOneBit(rows - 1); b >= 2; b /= 2) {
            if (MEASURED_PEAK_FACTOR * MemoryEstimate.trainingStepBytes(layout.columnCount(), config, b, parameters) <= free) {
                return OptionalLong.of(b);
            }
        }
        return OptionalLong.empty();
    }
}
