package org.npt4j.core.training;

import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
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
 * A fit that can stop after any step and go on later: {@link #advanceTo} trains up to a step,
 * {@link #state()} captures where it stands, {@link #finish()} gives the model. Made by {@link
 * NptTrainer#start} or, from a saved state, {@link NptTrainer#resume}. The learning-rate and λ
 * schedules are planned over the {@code steps} setting when the fit starts, so a session trains at
 * most that many steps; N steps and then M more give the same model as N + M in one go (bit for
 * bit on the CPU, with the same {@code threads}).
 *
 * <pre>{@code
 * try (TrainingSession s = trainer.start(table, List.of("class"), null)) {
 *     s.advanceTo(500);
 *     byte[] saved = s.state().toBytes();   // continue later with trainer.resume(...)
 *     s.advanceTo(s.plannedSteps());
 *     NptModel model = s.finish();
 * }
 * }</pre>
 *
 * <p>The network and optimiser live in native memory from the first step until {@link #finish()}
 * or {@link #close()}; each call trains under the {@link TrainingLock}, on the threads the {@code
 * threads} setting asks for. Not thread-safe: one thread drives a session.
 */
public final class TrainingSession implements AutoCloseable {

    private final NptConfig config;
    private final TableSchema schema;
    private final Table context;
    private final int[] contextSourceRows;
    private final TrainingRun run;
    private final byte[] fingerprint;
    private final TrainingState from;
    private RunningTraining running;
    private boolean finished;

    private TrainingSession(NptConfig config, TableSchema schema, Table context, int[] contextSourceRows, TrainingRun run,
            byte[] fingerprint, TrainingState from) {
        this.config = config;
        this.schema = schema;
        this.context = context;
        this.contextSourceRows = contextSourceRows;
        this.run = run;
        this.fingerprint = fingerprint;
        this.from = from;
    }

    /**
     * Prepares a fit: rows, schema, encoding and the memory check, but nothing native yet.
     *
     * @param from a state to continue, or null to start at step 0
     */
    static TrainingSession prepare(NptConfig config, TrainingListener listener, Table table, List<String> targets,
            RowRole[] roles, TrainingState from) {
        SplittableRandom rng = new SplittableRandom(config.get(SEED));
        FitRows rows = FitRows.prepare(table, targets, roles, config, rng.split());
        RowRole[] effective = rows.roles();
        TableSchema schema = SchemaFitter.fit(rows.table(), targets, effective);
        // Before encoding and before waiting for the lock: a fit that cannot fit in memory fails in a
        // moment with advice, not at the OOM killer half-way through training.
        MemoryCheck.ofThisProcess().verify(config, ColumnLayout.of(schema), effective);
        // Test targets are dropped here, before anything else sees the encoded table.
        EncodedTable truth = TableEncoder.encode(rows.table(), schema, true).withTargetsHidden(rows.testRows());
        byte[] fingerprint = fingerprint(config, targets, effective, truth);
        if (from != null && !from.fingerprintMatches(fingerprint)) {
            throw new NptInputException("The table is not the one this training state learned from (its rows, columns, "
                    + "values, weights or targets differ): a training continues only on the data it started with");
        }
        TrainingRun run = TrainingRun.onTable(config, truth, effective, rng, listener);
        // Training and validation rows are labelled: the model carries them as its prediction context (without
        // their weights, which belong to the loss).
        return new TrainingSession(config, schema, rows.table().selectRows(rows.contextRows()), rows.contextSourceRows(), run,
                fingerprint, from);
    }

    /**
     * Which of the caller's rows the model keeps as its context: the labelled ones, training and
     * validation rows alike, in the caller's order. Context row {@code c} of the finished model (the
     * numbering of {@link NptModel#contextRows()} and of attention maps) is row {@code
     * contextSourceRows()[c]} of the table given to {@link NptTrainer#start}; rows without a target
     * value are absent.
     *
     * @return one index into the caller's table per context row, ascending
     */
    public int[] contextSourceRows() {
        return contextSourceRows.clone();
    }

    /** @return the steps trained so far */
    public int stepsDone() {
        if (running != null) {
            return running.step();
        }
        return from == null ? 0 : from.step();
    }

    /**
     * @return whether training ended early: more than {@code patience} validation passes in a row did not
     *     improve, so further {@link #advanceTo} calls train nothing
     */
    public boolean stoppedEarly() {
        return running != null && running.stoppedEarly();
    }

    /** @return the {@code steps} setting: the schedules' length, and the most this session can train */
    public int plannedSteps() {
        return config.get(STEPS);
    }

    /** @return the settings of the fit */
    public NptConfig config() {
        return config;
    }

    /**
     * Trains the steps after {@link #stepsDone()} up to {@code step}; nothing when it is already there.
     *
     * @param step the step to stop after, at most {@link #plannedSteps()}
     * @throws IllegalArgumentException if {@code step} is beyond the planned steps
     */
    public void advanceTo(int step) {
        if (step > plannedSteps()) {
            throw new IllegalArgumentException("Cannot train to step " + step + ": the learning-rate and loss-weight "
                    + "schedules were planned for steps = " + plannedSteps() + " when this training started. To train "
                    + "longer, start again with steps = " + step + " (and stop part-way if you want to continue later)");
        }
        onDevice(() -> {
            running().advanceTo(Math.max(step, running().step()));
            return null;
        });
    }

    /**
     * @return where the training stands, to continue it later with {@link NptTrainer#resume}, in
     *     this process or another
     */
    public TrainingState state() {
        return onDevice(() -> TrainingState.of(config, fingerprint, running()));
    }

    /**
     * Ends the training and frees its native memory: the model keeps the weights with the best
     * validation loss so far if any validation pass has run, else the last weights.
     *
     * @return the model, with the training rows as its context
     */
    public NptModel finish() {
        TrainingRun.Result result = onDevice(() -> running().finish());
        close();
        finished = true;
        return new NptModel(config, schema, context, result.weights(), result.summary());
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Native work runs one training at a time per JVM, on the fit's threads. */
    private <T> T onDevice(Supplier<T> work) {
        if (finished) {
            throw new IllegalStateException("This training has finished");
        }
        return TrainingLock.run(() -> run.onThreads(work));
    }

    /** Runs work on the fit's threads (already set when the caller holds them: no switching per call). */
    <T> T onThreads(Supplier<T> work) {
        return run.onThreads(work);
    }

    /** Builds the network on first use, and loads the state it continues from. */
    private RunningTraining running() {
        if (running == null) {
            RunningTraining opened = run.open();
            if (from != null) {
                try (DataInputStream in = from.payload()) {
                    opened.readState(in);
                } catch (IOException | RuntimeException e) {
                    opened.close();
                    // A state cut short or written for another network: say so rather than show a stream's EOF.
                    throw e instanceof IOException io ? new NptInputException("The training state is damaged or does not "
                            + "belong to this network: " + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()))
                            : (RuntimeException) e;
                }
            }
            running = opened;
        }
        return running;
    }

    /** SHA-256 of what decides the training: the settings, the targets, each row's role and the encoded cells and weights. */
    private static byte[] fingerprint(NptConfig config, List<String> targets, RowRole[] roles, EncodedTable truth) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : config.toMap().entrySet()) {
                digest.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            digest.update(String.join("\n", targets).getBytes(StandardCharsets.UTF_8));
            ByteBuffer row = ByteBuffer.allocate(Float.BYTES * (truth.columnCount() + 1) + Integer.BYTES);
            for (int i = 0; i < truth.rowCount(); i++) {
                row.clear();
                row.putInt(roles[i].ordinal());
                for (int j = 0; j < truth.columnCount(); j++) {
                    row.putFloat(truth.cell(j, i));
                }
                row.putFloat(truth.weight(i));
                digest.update(row.array(), 0, row.position());
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
