package org.npt4j.core.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;
import org.npt4j.core.engine.GradMode;
import org.npt4j.core.engine.IntraOpThreads;
import org.npt4j.core.masking.MaskedBatch;
import org.npt4j.core.model.AttentionBlock;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.model.NptNetwork;
import org.npt4j.core.model.RowAttentionLayer;

/**
 * A network with loaded weights on a device, for inference only. Parameters are loaded without
 * gradients, each call works in its own sub-manager and parameter store and with autograd off, so
 * {@link #run} may be called from many threads at once. Closing frees all native memory.
 *
 * @param root the manager owning the weights
 * @param network the network with its weights loaded
 * @param layout which columns are categorical, to turn their outputs into probabilities
 * @param threads the model's {@code threads} setting: the intra-op threads of each pass
 */
record InferenceSession(NDManager root, NptNetwork network, ColumnLayout layout, int threads) implements AutoCloseable {

    /**
     * What one forward pass returns for its query rows, on the Java heap.
     *
     * @param columns per column asked for, (query rows × outputs) row-major
     * @param attention ABD attention as [layer][head][query × context], or null when not recorded
     */
    record PassOutput(float[][] columns, float[][][] attention) {}

    static InferenceSession open(Engine engine, Device device, NptConfig config, ColumnLayout layout, byte[] weights) {
        NDManager root = engine.newBaseManager(device);
        try {
            NptNetwork network = new NptNetwork(layout, config);
            network.loadParameters(root, new DataInputStream(new ByteArrayInputStream(weights)));
            return new InferenceSession(root, network, layout, config.get(Settings.THREADS));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            root.close();
            throw new IllegalStateException("The model weights do not fit the model's architecture: " + e.getMessage(), e);
        }
    }

    /**
     * @param batch context rows followed by query rows
     * @param contextRows number of context rows (the leading rows); the query rows follow them
     * @param columns the column indices whose outputs are returned: the targets for a prediction, any
     *     columns for an imputation (every column has a head, trained to reconstruct its masked cells)
     * @param recordAttention whether to return ABD attention of the query rows over the context rows
     * @param queriesAttendToEachOther whether query rows attend to one another too (the reference's
     *     evaluation pass) rather than to the context and themselves alone
     * @return per column (query rows × outputs, row-major; softmax probabilities for categorical
     *     columns, standardised values for numerical ones); attention as [layer][head][query × context]
     */
    PassOutput run(MaskedBatch batch, int contextRows, int[] columns, boolean recordAttention, boolean queriesAttendToEachOther) {
        // Decided by the context alone, so that every pass of a model runs on the same threads whatever is scored.
        long rows = contextRows > 0 ? contextRows : batch.rowCount();
        long layerElements = rows * layout.columnCount() * network.embeddingDim();
        return IntraOpThreads.forModel(threads, layerElements, () -> pass(batch, contextRows, columns, recordAttention, queriesAttendToEachOther));
    }

    private PassOutput pass(MaskedBatch batch, int contextRows, int[] columns, boolean recordAttention, boolean queriesAttendToEachOther) {
        try (GradMode off = GradMode.disabled(); NDManager scope = root.newSubManager()) {
            NDList inputs = batch.inputTensors(scope);
            PairList<String, Object> params = new PairList<>();
            long rows = inputs.head().getShape().get(0);
            if (!queriesAttendToEachOther) {
                params.add(RowAttentionLayer.QUERY_MASK, RowAttentionLayer.queryMask(scope, rows, contextRows));
            }
            if (recordAttention) {
                params.add(AttentionBlock.RECORD_ATTENTION, Boolean.TRUE);
            }
            // Only the query rows' outputs are read: the context rows' last ABD queries and everything after them are
            // skipped. Recorded attention keeps the full pass, whose every map has a row per batch row.
            boolean queriesOnly = !recordAttention && contextRows > 0 && contextRows < rows;
            if (queriesOnly) {
                params.add(NptNetwork.OUTPUT_FROM, (long) contextRows);
            }
            NDList out = network.forward(new ParameterStore(scope, false), inputs, false, params);
            NDIndex queries = new NDIndex((queriesOnly ? 0 : contextRows) + ":");
            float[][] values = new float[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                int j = columns[c];
                NDArray o = out.get(j).get(queries);
                values[c] = (layout.categorical()[j] ? o.softmax(1) : o).toFloatArray();
            }
            float[][][] maps = null;
            if (recordAttention) {
                int layers = out.size() - layout.columnCount();
                maps = new float[layers][][];
                NDIndex slice = new NDIndex(":, " + contextRows + ":, :" + contextRows);
                for (int l = 0; l < layers; l++) {
                    NDArray a = out.get(layout.columnCount() + l).get(slice);
                    long heads = a.getShape().get(0);
                    maps[l] = new float[(int) heads][];
                    for (int h = 0; h < heads; h++) {
                        maps[l][h] = a.get(h).toFloatArray();
                    }
                }
            }
            return new PassOutput(values, maps);
        }
    }

    @Override
    public void close() {
        root.close();
    }
}
