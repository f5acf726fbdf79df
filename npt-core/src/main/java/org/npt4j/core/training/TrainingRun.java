package org.npt4j.core.training;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.CLASS_BALANCED_BATCHES;
import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.FEATURE_MASK_PROBABILITY;
import static org.npt4j.core.Settings.MASK_FRACTION;
import static org.npt4j.core.Settings.SEMI_SUPERVISED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;
import static org.npt4j.core.Settings.THREADS;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.engine.Devices;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.GradMode;
import org.npt4j.core.engine.IntraOpThreads;
import org.npt4j.core.engine.NativeHeap;
import org.npt4j.core.inference.TrainingSummary;
import org.npt4j.core.loss.LossTerms;
import org.npt4j.core.loss.MaskedLoss;
import org.npt4j.core.loss.TradeoffCurve;
import org.npt4j.core.masking.BatchTensors;
import org.npt4j.core.masking.EvaluationBatch;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.masking.MaskedInputs;
import org.npt4j.core.masking.TableMasker;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.model.NptNetwork;
import org.npt4j.core.optim.LearningRateCurve;
import org.npt4j.core.optim.NptOptimizer;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;

/**
 * One training run on the device: builds the network, runs the masked training loop with
 * per-step native scopes, evaluates the validation target loss, keeps the best weights and
 * returns them as bytes. Used once, under the {@link TrainingLock}.
 *
 * @param config hyperparameters
 * @param layout the columns the network is built for
 * @param batches the source of training batches
 * @param evalBatches fixed validation batches; empty for no checkpoint selection
 * @param counts rows per role, for the summary
 * @param rng the run's random source
 * @param listener progress receiver
 */
record TrainingRun(NptConfig config, ColumnLayout layout, TrainingBatches batches, List<EvaluationBatch> evalBatches,
        RowCounts counts, SplittableRandom rng, TrainingListener listener) {

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
                evalBatches, counts, rng, listener);
    }

    Result execute() {
        Engine engine = Engines.pytorch(DeviceSpec.parse(config.get(DEVICE)));
        // The whole run, validation passes and the optimiser's host update included, on the threads asked for.
        return IntraOpThreads.forModel(config.get(THREADS), layerElements(), () -> execute(engine));
    }

    /** @return rows × columns × e of the largest batch: the size of each layer's activation */
    private long layerElements() {
        long rows = (long) counts.train() + counts.validation() + counts.test();
        if (!config.fullBatch()) {
            rows = Math.min(rows, config.get(BATCH_SIZE));
        }
        return rows * layout.columnCount() * config.get(EMBEDDING_DIM);
    }

    private Result execute(Engine engine) {
        Device device = Devices.resolve(DeviceSpec.parse(config.get(DEVICE)), engine);
        engine.setRandomSeed(rng.nextInt());
        // Training time and the progress ETA include building the network and optimiser.
        long start = System.nanoTime();
        try {
            try (GradMode off = GradMode.disabled(); NDManager root = engine.newBaseManager(device)) {
                NptNetwork network = new NptNetwork(layout, config);
                network.initialize(root, DataType.FLOAT32, network.inputShapes(1));
                List<Parameter> parameters = trainable(network);
                TrainingSummary summary;
                try (NptOptimizer optimizer = new NptOptimizer(parameters, config, root);
                        BestWeights best = new BestWeights(parameters, root)) {
                    Loop loop = new Loop(root, network, optimizer, best, start);
                    loop.run();
                    if (!evalBatches.isEmpty()) {
                        best.restore();
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    summary = new TrainingSummary(config.get(STEPS), batches.epochs(),
                            evalBatches.isEmpty() ? config.get(STEPS) : best.bestStep(),
                            evalBatches.isEmpty() ? Double.NaN : best.bestLoss(),
                            loop.lastLoss, loop.lastTargetLoss, counts.train(), counts.validation(), counts.test(),
                            parameterCount(parameters), millis, device.toString(), Engines.versions());
                }
                // Moments, slow weights and the kept best weights are freed by now, and the freed activations
                // go back to the system, so the host copy of the weights made here does not add to them at the
                // run's peak.
                NativeHeap.release();
                return new Result(serialize(network, summary.parameterCount()), summary);
            }
        } finally {
            // The network's arrays are freed now (and on a failure everything the run allocated): give that memory back.
            NativeHeap.release();
        }
    }

    /** The step loop, with the state it carries between steps. */
    private final class Loop {
        private final NDManager root;
        private final NptNetwork network;
        private final NptOptimizer optimizer;
        private final BestWeights best;
        private final Engine engine;
        private final MaskedLoss loss;
        private final long start;
        private final LearningRateCurve learningRates = LearningRateCurve.of(config);
        private final TradeoffCurve tradeoff = TradeoffCurve.of(config);

        private double lastLoss = Double.NaN;
        private double lastTargetLoss = Double.NaN;

        Loop(NDManager root, NptNetwork network, NptOptimizer optimizer, BestWeights best, long start) {
            this.start = start;
            this.root = root;
            this.network = network;
            this.optimizer = optimizer;
            this.best = best;
            this.engine = root.getEngine();
            this.loss = new MaskedLoss(network.layout());
        }

        void run() {
            for (int step = 1; step <= config.get(STEPS); step++) {
                stopIfInterrupted(step);
                MaskedBatch batch = batches.next(rng);
                double lr = learningRates.at(step);
                double lambda = tradeoff.at(step);
                double[] losses = trainStep(batch, lr, lambda, step);
                boolean evaluationDue = batches.epochComplete() && batches.epochs() % config.get(EVALUATION_INTERVAL) == 0;
                double validation = Double.NaN;
                long validationNanos = 0;
                long bestWeightsNanos = 0;
                if (!evalBatches.isEmpty() && (evaluationDue || step == config.get(STEPS))) {
                    long t0 = System.nanoTime();
                    validation = evaluate();
                    long t1 = System.nanoTime();
                    best.offer(validation, step);
                    validationNanos = t1 - t0;
                    bestWeightsNanos = System.nanoTime() - t1;
                }
                lastLoss = losses[0];
                lastTargetLoss = losses[2];
                report(step, losses, lr, lambda, validation, validationNanos, bestWeightsNanos);
            }
        }

        /** Ends training between steps when asked: the caller's finally blocks then free everything. */
        private void stopIfInterrupted(int step) {
            if (Thread.currentThread().isInterrupted()) {
                throw new NptTrainingInterruptedException("NPT training was interrupted before step " + step + " of "
                        + config.get(STEPS) + "; nothing was kept");
            }
        }

        /** @return {total, features, targets} of the step, NaN where absent */
        private double[] trainStep(MaskedBatch batch, double lr, double lambda, int step) {
            try (NDManager scope = root.newSubManager()) {
                BatchTensors tensors = batch.toTensors(scope);
                LossTerms terms;
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDList outputs = network.forward(new ParameterStore(scope, false), tensors.inputs(), true);
                    terms = loss.compute(outputs, tensors, lambda);
                    if (terms.total() != null) {
                        collector.backward(terms.total());
                    }
                }
                double total = terms.totalValue();
                if (terms.total() != null) {
                    if (!Double.isFinite(total)) {
                        throw new NptTrainingException("The training loss became " + total + " at step " + step
                                + "; lower the learning rate (" + lr + ") or check the data for extreme values");
                    }
                    optimizer.step(lr);
                }
                return new double[] {total, terms.featureValue(), terms.targetValue()};
            }
        }

        /**
         * @return the validation target loss: summed over every validation cell, divided by their count; with
         *     row weights, the weighted sum divided by the cells' total weight, as the training loss is
         */
        private double evaluate() {
            double sum = 0;
            double cells = 0;
            for (EvaluationBatch batch : evalBatches) {
                if (batch.scored().rowCount() == 0) {
                    continue;
                }
                try (NDManager scope = root.newSubManager()) {
                    NDList outputs = scoredOutputs(scope, batch);
                    BatchTensors tensors = batch.scored().toTensors(scope);
                    LossTerms terms = loss.compute(outputs, tensors, 0);
                    sum += terms.targetSum().getFloat();
                    cells += tensors.targetWeightSum();
                }
            }
            return cells == 0 ? Double.NaN : sum / cells;
        }

        /**
         * @return the network's outputs for the batch's scored rows: only theirs are computed, the other
         *     rows serve as context (with {@code npt4j.fullValidationPass}, all rows' are, for comparisons)
         */
        private NDList scoredOutputs(NDManager scope, EvaluationBatch batch) {
            ParameterStore ps = new ParameterStore(scope, false);
            NDList inputs = batch.whole().inputTensors(scope);
            if (Boolean.getBoolean(FULL_VALIDATION_PASS)) {
                NDList out = new NDList();
                for (NDArray column : network.forward(ps, inputs, false)) {
                    out.add(column.get(batch.scoredFrom() + ":"));
                }
                return out;
            }
            PairList<String, Object> outputFrom = new PairList<>();
            outputFrom.add(NptNetwork.OUTPUT_FROM, (long) batch.scoredFrom());
            return network.forward(ps, inputs, false, outputFrom);
        }

        private void report(int step, double[] losses, double lr, double lambda, double validation, long validationNanos,
                long bestWeightsNanos) {
            long elapsedNanos = System.nanoTime() - start;
            Duration elapsed = Duration.ofNanos(elapsedNanos);
            Duration remaining = Duration.ofNanos(elapsedNanos / step * (config.get(STEPS) - step));
            double bestSoFar = Double.isInfinite(best.bestLoss()) ? Double.NaN : best.bestLoss();
            listener.onProgress(new TrainingProgress(step, config.get(STEPS), batches.epochs(), losses[0], losses[1], losses[2],
                    lr, lambda, validation, bestSoFar, elapsed, remaining, Duration.ofNanos(validationNanos),
                    Duration.ofNanos(bestWeightsNanos)));
        }
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

    private static List<Parameter> trainable(NptNetwork network) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    private static long parameterCount(List<Parameter> parameters) {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.getArray().size();
        }
        return n;
    }

    /** Room for DJL's per-block and per-parameter metadata beside the parameters' own bytes. */
    private static final int METADATA_ALLOWANCE = 1 << 20;

    private static byte[] serialize(NptNetwork network, long parameters) {
        // Sized up front: a stream that doubles as it grows would hold up to twice the weights at once.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8,
                parameters * Float.BYTES + METADATA_ALLOWANCE));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
