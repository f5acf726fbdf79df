package org.npt4j.core.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.Preset;

/**
 * Everything a stopped training needs to go on where it stopped ({@link NptTrainer#resume}): its
 * settings, a fingerprint of the data it learned from, the step it reached, the weights, the
 * optimiser's state and the best weights kept so far. Continuing gives the same weights, bit for
 * bit on the CPU, as if the training had not stopped. About five times the size of the weights.
 *
 * <p>Immutable; {@link #toBytes()} and {@link #fromBytes} move it between processes.
 */
public final class TrainingState {

    private static final byte[] MAGIC = "NPT4J-TRAINING".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private final NptConfig config;
    private final byte[] fingerprint;
    private final int step;
    private final byte[] bytes;
    /** Where the running training's own part (written by {@link RunningTraining#writeState}) starts. */
    private final int payloadOffset;

    private TrainingState(NptConfig config, byte[] fingerprint, int step, byte[] bytes, int payloadOffset) {
        this.config = config;
        this.fingerprint = fingerprint;
        this.step = step;
        this.bytes = bytes;
        this.payloadOffset = payloadOffset;
    }

    /** Writes a running training's state after its header. */
    static TrainingState of(NptConfig config, byte[] fingerprint, RunningTraining running) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            Map<String, String> settings = config.toMap();
            out.writeInt(settings.size());
            for (Map.Entry<String, String> e : settings.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(fingerprint.length);
            out.write(fingerprint);
            out.flush();
            int offset = buffer.size();
            running.writeState(out);
            out.flush();
            return new TrainingState(config, fingerprint.clone(), running.step(), buffer.toByteArray(), offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param bytes bytes from {@link #toBytes()}
     * @return the state
     * @throws NptInputException if the bytes are not a training state of this version
     */
    public static TrainingState fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new NptInputException("These bytes are not an npt4j training state");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new NptInputException("Training state version " + version + " cannot be read by this npt4j, "
                        + "which reads version " + VERSION);
            }
            int n = in.readInt();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                settings.put(in.readUTF(), in.readUTF());
            }
            byte[] fingerprint = new byte[in.readInt()];
            in.readFully(fingerprint);
            int offset = bytes.length - in.available();
            int step = in.readInt();
            NptConfig config = NptConfig.fromMap(settings, NptConfig.of(Preset.PAPER));
            return new TrainingState(config, fingerprint, step, bytes.clone(), offset);
        } catch (IOException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new NptInputException("The training state is damaged: " + e.getMessage());
        }
    }

    /** @return the settings the training started with, which continuing keeps */
    public NptConfig config() {
        return config;
    }

    /** @return the steps trained */
    public int step() {
        return step;
    }

    /** @return the state as bytes, for {@link #fromBytes} */
    public byte[] toBytes() {
        return bytes.clone();
    }

    boolean fingerprintMatches(byte[] other) {
        return Arrays.equals(fingerprint, other);
    }

    /** @return a stream at the running training's part of the state */
    DataInputStream payload() {
        return new DataInputStream(new ByteArrayInputStream(bytes, payloadOffset, bytes.length - payloadOffset));
    }
}
