package org.npt4j.core.training;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.CLASS_BALANCED_BATCHES;
import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.FEATURE_MASK_PROBABILITY;
import static org.npt4j.core.Settings.MASK_FRACTION;
import static org.npt4j.core.Settings.SEMI_SUPERVISED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;
import static org.npt4j.core.Settings.THREADS;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.NptConfig;
import org.npt4j.core.TradeoffSchedule;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.IntraOpThreads;
import org.npt4j.core.inference.TrainingSummary;
import org.npt4j.core.loss.TradeoffCurve;
import org.npt4j.core.masking.EvaluationBatch;
import org.npt4j.core.masking.MaskedInputs;
import org.npt4j.core.masking.TableMasker;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;

/**
 * What one training run learns from: the network's columns, the training batches, the fixed
 * validation batches and the run's random source. {@link #open()} builds the network and
 * optimiser on the device ({@link RunningTraining}), which then runs the steps; {@link #execute()}
 * does all of it in one go. Used once, under the {@link TrainingLock}.
 *
 * @param config hyperparameters
 * @param layout the columns the network is built for
 * @param batches the source of training batches
 * @param evalBatches fixed validation batches; empty for no checkpoint selection
 * @param counts rows per role, for the summary
 * @param rng the run's random source
 * @param listener progress receiver
 * @param featuresOnly whether the table has no target column: the loss is then the feature-reconstruction
 *     loss alone, at weight 1 throughout, since annealing λ to 0 would leave nothing to learn from
 */
record TrainingRun(NptConfig config, ColumnLayout layout, TrainingBatches batches, List<EvaluationBatch> evalBatches,
        RowCounts counts, SplittableRandom rng, TrainingListener listener, boolean featuresOnly) {

    /**
     * System property: {@code true} computes every row's outputs in the validation pass, as before
     * the pass was narrowed to the scored rows; for before/after comparisons in {@code benchmarks/}.
     */
    static final String FULL_VALIDATION_PASS = "npt4j.fullValidationPass";

    /** The run's outcome: serialised weights and what happened. */
    record Result(byte[] weights, TrainingSummary summary) {}

    /** How many rows of each role the run learned from, for the summary. */
    record RowCounts(int train, int validation, int test) {}

    /** Keeps its own copy of the validation batches. */
    TrainingRun {
        evalBatches = List.copyOf(evalBatches);
    }

    /**
     * The standard run on a table: semi-supervised working table (or training rows only),
     * epoch-wise masks and batches, validation batches from the validation rows.
     *
     * @param config hyperparameters
     * @param truth the encoded fit table, test targets already hidden
     * @param roles the role of each row
     * @param rng the run's random source
     * @param listener progress receiver
     * @return the run, ready to execute
     */
    static TrainingRun onTable(NptConfig config, EncodedTable truth, RowRole[] roles, SplittableRandom rng,
            TrainingListener listener) {
        int[] everyRow = IntStream.range(0, roles.length).toArray();
        int[] trainWork = config.get(SEMI_SUPERVISED) ? everyRow : RowRoles.indicesOf(roles, RowRole.TRAIN);
        int[] evalWork = config.get(SEMI_SUPERVISED) ? everyRow : RowRoles.indicesOf(roles, RowRole.TRAIN, RowRole.VALIDATION);
        EncodedTable trainTruth = truth.selectRows(trainWork);
        RowRole[] trainRoles = select(roles, trainWork);
        TableMasker masker = new TableMasker(trainTruth, trainRoles, config.get(FEATURE_MASK_PROBABILITY),
                config.get(TARGET_MASK_PROBABILITY), config.get(MASK_FRACTION));
        MiniBatcher batcher = new MiniBatcher(trainRoles, balancingClasses(config, trainTruth), config.get(BATCH_SIZE));
        RowCounts counts = new RowCounts(count(roles, RowRole.TRAIN), count(roles, RowRole.VALIDATION),
                config.get(SEMI_SUPERVISED) ? count(roles, RowRole.TEST) : 0);
        List<EvaluationBatch> evalBatches = counts.validation() == 0 ? List.of()
                : evaluationBatches(config, truth.selectRows(evalWork), select(roles, evalWork), rng);
        return new TrainingRun(config, ColumnLayout.of(truth.schema()), new TableEpochs(masker, trainTruth, batcher),
                evalBatches, counts, rng, listener, truth.schema().targetIndices().length == 0);
    }

    /** @return the weight λ of the feature loss at each step: the configured schedule, or 1 throughout without targets */
    TradeoffCurve tradeoff() {
        return featuresOnly ? new TradeoffCurve(1.0, TradeoffSchedule.CONSTANT, 1.0, 1) : TradeoffCurve.of(config);
    }

    /**
     * Trains every planned step and returns the weights: the one-go form of {@link #open()},
     * {@link RunningTraining#advanceTo} and {@link RunningTraining#finish()}.
     *
     * @return the weights and what happened
     */
    Result execute() {
        return onThreads(() -> {
            try (RunningTraining running = open()) {
                running.advanceTo(config.get(STEPS));
                return running.finish();
            }
        });
    }

    /**
     * Builds the network and optimiser on the device, ready for step 1. The caller closes it.
     *
     * @return the training, at step 0
     */
    RunningTraining open() {
        return onThreads(() -> new RunningTraining(this));
    }

    /**
     * Runs native work of this run on the threads its {@code threads} setting asks for: the whole
     * run, validation passes and the optimiser's host update included.
     *
     * @param work the work
     * @param <T> its result
     * @return the work's result
     */
    <T> T onThreads(Supplier<T> work) {
        // The thread count is PyTorch's: its library must be loaded first.
        Engines.pytorch(DeviceSpec.parse(config.get(DEVICE)));
        return IntraOpThreads.forModel(config.get(THREADS), layerElements(), work);
    }

    /** @return rows × columns × e of the largest batch: the size of each layer's activation */
    private long layerElements() {
        long rows = (long) counts.train() + counts.validation() + counts.test();
        if (!config.fullBatch()) {
            rows = Math.min(rows, config.get(BATCH_SIZE));
        }
        return rows * layout.columnCount() * config.get(EMBEDDING_DIM);
    }

    /** Validation batches are fixed for the run: evaluation inputs never change. */
    private static List<EvaluationBatch> evaluationBatches(NptConfig config, EncodedTable evalTruth, RowRole[] evalRoles,
            SplittableRandom rng) {
        MaskedInputs inputs = new TableMasker(evalTruth, evalRoles, 0, config.get(TARGET_MASK_PROBABILITY),
                config.get(MASK_FRACTION)).evaluationInputs();
        MiniBatcher batcher = new MiniBatcher(evalRoles, null, config.get(BATCH_SIZE));
        List<EvaluationBatch> out = new ArrayList<>();
        for (int[] rows : batcher.plan(rng.split())) {
            out.add(EvaluationBatch.of(inputs, evalTruth, rows));
        }
        return out;
    }

    /** Class index per row of the first categorical target, for class-balanced batches; else null. */
    private static int[] balancingClasses(NptConfig config, EncodedTable work) {
        if (!config.get(CLASS_BALANCED_BATCHES)) {
            return null;
        }
        for (int j : work.schema().targetIndices()) {
            if (work.schema().column(j).categorical()) {
                int[] classes = new int[work.rowCount()];
                for (int i = 0; i < classes.length; i++) {
                    classes[i] = work.isMissing(j, i) ? -1 : (int) work.cell(j, i);
                }
                return classes;
            }
        }
        return null;
    }

    private static int count(RowRole[] roles, RowRole role) {
        return RowRoles.indicesOf(roles, role).length;
    }

    private static RowRole[] select(RowRole[] roles, int[] rows) {
        RowRole[] out = new RowRole[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = roles[rows[i]];
        }
        return out;
    }
}
