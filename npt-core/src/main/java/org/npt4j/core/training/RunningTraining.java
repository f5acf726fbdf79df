package org.npt4j.core.training;

import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.PATIENCE;
import static org.npt4j.core.Settings.STEPS;

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
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.ArrayBytes;
import org.npt4j.core.engine.Devices;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.GradMode;
import org.npt4j.core.engine.NativeHeap;
import org.npt4j.core.inference.TrainingSummary;
import org.npt4j.core.loss.LossTerms;
import org.npt4j.core.loss.MaskedLoss;
import org.npt4j.core.loss.TradeoffCurve;
import org.npt4j.core.masking.BatchTensors;
import org.npt4j.core.masking.EvaluationBatch;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.model.NptNetwork;
import org.npt4j.core.optim.LearningRateCurve;
import org.npt4j.core.optim.NptOptimizer;

/**
 * A {@link TrainingRun} in progress on the device: the network, the optimiser, the best weights so
 * far and the step loop, with per-step native scopes. It can stop after any step and go on later,
 * in this process or, through {@link #writeState} and {@link #readState}, in another; N steps and
 * then M more give the same weights as N + M in one go, bit for bit on the CPU. Three things make
 * that hold:
 * <ul>
 * <li>the learning-rate and λ curves are planned over the configured {@code steps}, whatever a
 *     single call trains, so step s has the same rate in every run;</li>
 * <li>PyTorch's generator (dropout masks) is seeded before every step from the run's seed and the
 *     step number, so there is no generator state to save;</li>
 * <li>the host-side draws (masks and batches) come from the run's random source alone, which a
 *     restored run replays up to the step it continues from.</li>
 * </ul>
 * Validation passes come at the end of every {@code evaluationInterval}-th epoch and after the last
 * planned step, never at the end of a call, so stopping does not change which weights are kept.
 * With {@code patience} ≥ 1, training ends early, as the reference's {@code EarlyStopCounter} does,
 * once more than that many passes in a row have not improved on the best validation loss.
 */
final class RunningTraining implements AutoCloseable {

    private final TrainingRun run;
    private final NptConfig config;
    private final Device device;
    private final Engine engine;
    private final NDManager root;
    private final NptNetwork network;
    private final List<Parameter> parameters;
    private final NptOptimizer optimizer;
    private final BestWeights best;
    private final MaskedLoss loss;
    private final LearningRateCurve learningRates;
    private final TradeoffCurve tradeoff;
    /** The run's seed for PyTorch's generator: the network's initial weights and, mixed with the step, dropout. */
    private final int seed;
    private final long openedNanos;
    /** Training time spent before this object was opened, when it continues a saved state. */
    private long earlierNanos;
    private int step;
    /** The step this object started from: 0, or the step of the state it continues. */
    private int startStep;
    /** The step the current call trains to, for progress and its ETA. */
    private int target;
    /** Validation passes in a row without improvement, for early stopping ({@code patience}). */
    private int stalledPasses;
    private boolean stoppedEarly;
    private double lastLoss = Double.NaN;
    private double lastTargetLoss = Double.NaN;

    /** Builds the network and optimiser, at step 0. Call on the run's threads ({@link TrainingRun#onThreads}). */
    RunningTraining(TrainingRun run) {
        this.run = run;
        this.config = run.config();
        // Training time and the progress ETA include building the network and optimiser.
        this.openedNanos = System.nanoTime();
        this.engine = Engines.pytorch(DeviceSpec.parse(config.get(DEVICE)));
        this.device = Devices.resolve(DeviceSpec.parse(config.get(DEVICE)), engine);
        this.seed = run.rng().nextInt();
        this.learningRates = LearningRateCurve.of(config);
        this.tradeoff = run.tradeoff();
        NDManager manager = engine.newBaseManager(device);
        try (GradMode off = GradMode.disabled()) {
            engine.setRandomSeed(seed);
            network = new NptNetwork(run.layout(), config);
            network.initialize(manager, DataType.FLOAT32, network.inputShapes(1));
            parameters = trainable(network);
            optimizer = new NptOptimizer(parameters, config, manager);
            best = new BestWeights(parameters, manager);
            loss = new MaskedLoss(network.layout());
        } catch (RuntimeException | Error e) {
            manager.close();
            NativeHeap.release();
            throw e;
        }
        this.root = manager;
    }

    /** @return the steps trained so far */
    int step() {
        return step;
    }

    /** @return whether validation stopped improving for longer than {@code patience} passes, ending training */
    boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * Trains the steps after the current one up to {@code last}.
     *
     * @param last the step to stop after, at most the planned {@code steps} ({@link TrainingSession} says why)
     */
    void advanceTo(int last) {
        if (last > config.get(STEPS)) {
            throw new IllegalArgumentException("Step " + last + " is beyond the planned " + config.get(STEPS));
        }
        target = last;
        try (GradMode off = GradMode.disabled()) {
            while (step < last && !stoppedEarly) {
                runStep(step + 1);
            }
        }
    }

    private void runStep(int s) {
        if (Thread.currentThread().isInterrupted()) {
            throw new NptTrainingInterruptedException("NPT training was interrupted before step " + s + " of "
                    + config.get(STEPS) + "; nothing was kept");
        }
        MaskedBatch batch = run.batches().next(run.rng());
        double lr = learningRates.at(s);
        double lambda = tradeoff.at(s);
        // Every step's dropout depends on the seed and the step alone, so a continued run needs no generator state.
        engine.setRandomSeed(stepSeed(s));
        double[] losses = trainStep(batch, lr, lambda, s);
        TrainingBatches batches = run.batches();
        boolean evaluationDue = batches.epochComplete() && batches.epochs() % config.get(EVALUATION_INTERVAL) == 0;
        double validation = Double.NaN;
        long validationNanos = 0;
        long bestWeightsNanos = 0;
        if (!run.evalBatches().isEmpty() && (evaluationDue || s == config.get(STEPS))) {
            long t0 = System.nanoTime();
            validation = evaluate();
            long t1 = System.nanoTime();
            // As the reference's EarlyStopCounter: a pass that does not improve counts, an improvement resets.
            stalledPasses = best.offer(validation, s) ? 0 : stalledPasses + 1;
            validationNanos = t1 - t0;
            bestWeightsNanos = System.nanoTime() - t1;
            int patience = config.get(PATIENCE);
            stoppedEarly = patience > 0 && stalledPasses > patience && s < config.get(STEPS);
        }
        step = s;
        lastLoss = losses[0];
        lastTargetLoss = losses[2];
        report(losses, lr, lambda, validation, validationNanos, bestWeightsNanos);
    }

    private int stepSeed(int s) {
        return new SplittableRandom(((long) seed << 32) ^ s).nextInt();
    }

    /** @return {total, features, targets} of the step, NaN where absent */
    private double[] trainStep(MaskedBatch batch, double lr, double lambda, int s) {
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
                    throw new NptTrainingException("The training loss became " + total + " at step " + s
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
        for (EvaluationBatch batch : run.evalBatches()) {
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
        if (Boolean.getBoolean(TrainingRun.FULL_VALIDATION_PASS)) {
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

    private void report(double[] losses, double lr, double lambda, double validation, long validationNanos,
            long bestWeightsNanos) {
        long sinceOpened = System.nanoTime() - openedNanos;
        Duration elapsed = Duration.ofNanos(earlierNanos + sinceOpened);
        // At the rate of this object's steps: a continued run's earlier steps may have run in another process.
        Duration remaining = Duration.ofNanos(sinceOpened / Math.max(1, step - startStep) * (target - step));
        double bestSoFar = Double.isInfinite(best.bestLoss()) ? Double.NaN : best.bestLoss();
        run.listener().onProgress(new TrainingProgress(step, target, run.batches().epochs(), losses[0], losses[1],
                losses[2], lr, lambda, validation, bestSoFar, elapsed, remaining, Duration.ofNanos(validationNanos),
                Duration.ofNanos(bestWeightsNanos)));
    }

    /**
     * Ends the training: keeps the best validated weights if there were validation passes, else the
     * last ones, and returns them as bytes. The optimiser's state and the kept copy are freed before
     * the weights are copied to the host, so the copy does not add to the run's peak memory.
     *
     * @return the weights and what happened
     */
    TrainingRun.Result finish() {
        try (GradMode off = GradMode.disabled()) {
            boolean validated = best.bestStep() >= 0;
            if (validated) {
                best.restore();
            }
            TrainingRun.RowCounts counts = run.counts();
            long millis = (earlierNanos + System.nanoTime() - openedNanos) / 1_000_000;
            TrainingSummary summary = new TrainingSummary(step, run.batches().epochs(), validated ? best.bestStep() : step,
                    validated ? best.bestLoss() : Double.NaN, lastLoss, lastTargetLoss, counts.train(), counts.validation(),
                    counts.test(), parameterCount(), millis, device.toString(), Engines.versions());
            optimizer.close();
            best.close();
            // Moments, slow weights and the kept best weights are freed by now, and the freed activations
            // go back to the system, so the host copy of the weights made here does not add to them at the
            // run's peak.
            NativeHeap.release();
            return new TrainingRun.Result(serialize(network, summary.parameterCount()), summary);
        }
    }

    /**
     * Writes what continuing needs beyond the run's plan: the step, the losses reported last, the
     * training time so far, the weights, the optimiser's state and the best weights kept.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    void writeState(DataOutputStream out) throws IOException {
        try (GradMode off = GradMode.disabled()) {
            out.writeInt(step);
            out.writeInt(stalledPasses);
            out.writeBoolean(stoppedEarly);
            out.writeDouble(lastLoss);
            out.writeDouble(lastTargetLoss);
            out.writeLong(earlierNanos + System.nanoTime() - openedNanos);
            out.writeInt(parameters.size());
            for (Parameter p : parameters) {
                ArrayBytes.write(out, p.getArray());
            }
            optimizer.writeState(out);
            best.writeState(out);
        }
    }

    /**
     * Continues a state written by {@link #writeState} for the same run: replays the run's host-side
     * draws up to the state's step, then loads the weights and the optimiser's state. Call on a
     * freshly opened object.
     *
     * @param in the stream
     * @throws IOException if reading fails or the state is for another network
     */
    void readState(DataInputStream in) throws IOException {
        if (step != 0) {
            throw new IllegalStateException("A state can only be loaded before the first step");
        }
        int saved = in.readInt();
        if (saved < 0 || saved > config.get(STEPS)) {
            throw new IOException("The training state is at step " + saved + " of " + config.get(STEPS));
        }
        for (int s = 1; s <= saved; s++) {
            run.batches().next(run.rng());
        }
        stalledPasses = in.readInt();
        stoppedEarly = in.readBoolean();
        lastLoss = in.readDouble();
        lastTargetLoss = in.readDouble();
        earlierNanos = in.readLong();
        int n = in.readInt();
        if (n != parameters.size()) {
            throw new IOException("The training state holds " + n + " parameters, the network " + parameters.size());
        }
        try (GradMode off = GradMode.disabled()) {
            for (Parameter p : parameters) {
                ArrayBytes.readInto(in, p.getArray());
            }
        }
        optimizer.readState(in);
        best.readState(in);
        step = saved;
        startStep = saved;
    }

    @Override
    public void close() {
        try {
            root.close();
        } finally {
            // The network's arrays are freed now (and on a failure everything the run allocated): give that memory back.
            NativeHeap.release();
        }
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

    private long parameterCount() {
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
}
