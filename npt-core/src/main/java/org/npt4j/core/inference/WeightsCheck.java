package org.npt4j.core.inference;

import static org.npt4j.core.Settings.DEPTH;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.NativeHeap;
import org.npt4j.core.inference.ParameterBlob.SavedParameter;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.model.NptNetwork;
import org.npt4j.core.model.ParameterCensus;

/**
 * Checks, when a model is loaded, that its weights are the parameters its configuration and
 * columns call for, so that a model that loads can predict: without it, weights are first parsed
 * when the first prediction opens a native session, and a corrupt file fails (or worse) there.
 *
 * <p>Three steps, cheapest first: the network's size is bounded by the weights' length before the
 * network is built ({@link ParameterCensus}: a crafted depth must not build millions of blocks);
 * {@link ParameterBlob} reads the bytes on the heap, checking every length; then, in a scratch
 * {@link NDManager} closed at once, the network is initialised (with one shared empty array for
 * every parameter, so that only shapes are computed, and a crafted width allocates nothing) to
 * learn the shape each parameter needs, and DJL loads the bytes the way a prediction will, which
 * also checks the block versions. The native memory that takes (the weights' size) is freed
 * before the load returns.
 */
final class WeightsCheck {

    /**
     * The fewest bytes a saved parameter takes: record mark 2, version 1, name 2, "NDAR" 6, array
     * version 4, sparse format 2, data type "FLOAT32" 9, shape 8 and byte count 4.
     */
    static final int MIN_PARAMETER_BYTES = 38;

    private static final String WHAT = ModelInput.CORRUPT;

    private WeightsCheck() {}

    /**
     * @param config the model's configuration
     * @param layout the model's columns
     * @param weights the bytes of DJL's {@code saveParameters} for the network
     * @param offset where the weights start in the model file, for messages
     * @param fileLength the model file's length, for messages
     * @throws NptInputException saying what is wrong and where, if the weights do not fit
     * @throws IllegalStateException if the PyTorch engine cannot be loaded
     */
    static void check(NptConfig config, ColumnLayout layout, byte[] weights, int offset, int fileLength) {
        ModelInput in = new ModelInput(weights, offset, fileLength);
        boundSize(config, layout, in);
        NptNetwork network = build(config, layout);
        List<SavedParameter> saved;
        try {
            saved = ParameterBlob.read(network, in);
        } catch (EOFException e) {
            throw in.truncated();
        } catch (IOException e) {
            throw new IllegalStateException("Reading bytes in memory failed", e);
        }
        loadInScratch(network, saved, weights);
    }

    private static void boundSize(NptConfig config, ColumnLayout layout, ModelInput in) {
        long parameters = ParameterCensus.of(layout, config).tensors();
        if (parameters * MIN_PARAMETER_BYTES > in.remaining()) {
            throw new NptInputException(String.format(Locale.ROOT, "%s: its settings and schema ask for %d layers over "
                    + "%d columns, %,d parameters, more than its %,d bytes of weights can hold", WHAT, config.get(DEPTH),
                    layout.columnCount(), parameters, in.remaining()));
        }
    }

    private static NptNetwork build(NptConfig config, ColumnLayout layout) {
        try {
            return new NptNetwork(layout, config);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw noNetwork(e);
        }
    }

    private static void loadInScratch(NptNetwork network, List<SavedParameter> saved, byte[] weights) {
        Engine engine = Engines.pytorch();
        try (NDManager scratch = engine.newBaseManager(Device.cpu())) {
            initializeShapesOnly(network, scratch);
            for (SavedParameter s : saved) {
                Shape needed = s.parameter().getShape();
                if (!needed.equals(s.shape())) {
                    throw new NptInputException(WHAT + ": parameter " + s.path() + " has shape " + s.shape()
                            + " in the weights, but the model's settings and columns need " + needed);
                }
            }
            try {
                network.loadParameters(scratch, new DataInputStream(new ByteArrayInputStream(weights)));
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new NptInputException(WHAT + ": the weights do not load into the model's network: " + e.getMessage());
            }
        } finally {
            NativeHeap.release();
        }
    }

    /** Gives every parameter its shape, and one shared empty array instead of values. */
    private static void initializeShapesOnly(NptNetwork network, NDManager scratch) {
        NDArray placeholder = scratch.create(new float[0]);
        network.setInitializer((manager, shape, type) -> placeholder, parameter -> true);
        try {
            network.initialize(scratch, DataType.FLOAT32, network.inputShapes(1));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw noNetwork(e);
        }
    }

    private static NptInputException noNetwork(RuntimeException e) {
        return new NptInputException(WHAT + ": its settings and schema describe no network: " + e.getMessage());
    }
}
