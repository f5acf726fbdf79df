package org.npt4j.core.model;

import static org.npt4j.core.Settings.ATTENTION_BETWEEN_DATAPOINTS;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.FEATURE_INDEX_EMBEDDING;
import static org.npt4j.core.Settings.FEATURE_TYPE_EMBEDDING;
import static org.npt4j.core.Settings.HIDDEN_DROPOUT;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.npt4j.core.NptConfig;

/**
 * The whole Non-Parametric Transformer: column embedding → dropout → depth layers alternating ABD
 * and ABA (ABD first) → dropout → per-column heads. Takes the encoded table as D arrays (N, H_j)
 * and returns D arrays (N, H_j − 1). Row-permutation equivariant: it has no positional input.
 */
public final class NptNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    /**
     * Forward parameter (a {@code Long} f): return the outputs of rows f..N−1 only. Every row
     * still takes part as context up to the last ABD layer, which then computes queries for those
     * rows alone, and the layers after it and the heads see only them; each returned row equals
     * the full pass's. Saves that work when only some rows are scored (validation, prediction).
     */
    public static final String OUTPUT_FROM = "npt.outputFrom";

    private final ColumnLayout layout;
    private final int embeddingDim;
    private final double dropout;
    private final ColumnEmbedding embedding;
    private final List<AbstractBlock> layers = new ArrayList<>();
    private final ColumnHeads heads;

    /**
     * @param layout the table's column widths and types
     * @param config the hyperparameters
     */
    public NptNetwork(ColumnLayout layout, NptConfig config) {
        super(VERSION);
        this.layout = layout;
        this.embeddingDim = config.get(EMBEDDING_DIM);
        this.dropout = config.get(HIDDEN_DROPOUT);
        int d = layout.columnCount();
        int e = config.get(EMBEDDING_DIM);
        this.embedding = addChildBlock("embedding",
                new ColumnEmbedding(layout, e, config.get(FEATURE_INDEX_EMBEDDING), config.get(FEATURE_TYPE_EMBEDDING)));
        for (int i = 0; i < config.get(DEPTH); i++) {
            if (i % 2 == 0) {
                AttentionBlock block = new AttentionBlock(d * e, config.get(ATTENTION_BETWEEN_DATAPOINTS), config);
                layers.add(addChildBlock("layer" + i + "Abd", new RowAttentionLayer(d, e, block)));
            } else {
                AttentionBlock block = new AttentionBlock(e, true, config);
                layers.add(addChildBlock("layer" + i + "Aba", new AttributeAttentionLayer(block)));
            }
        }
        this.heads = addChildBlock("heads", new ColumnHeads(layout, e));
    }

    /**
     * @param ps parameter store
     * @param inputs D arrays (N, H_j)
     * @param training whether dropout is active
     * @param params may contain {@link AttentionBlock#RECORD_ATTENTION}, {@link RowAttentionLayer#QUERY_MASK}
     *     and {@link #OUTPUT_FROM}
     * @return D arrays (N, H_j − 1), or (N − f, H_j − 1) for {@link #OUTPUT_FROM} f; when attention is
     *     recorded, followed by one (heads, N, N) array per ABD layer, post-softmax (the last one
     *     (heads, N − f, N))
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = embedding.forward(ps, inputs, training).head();
        x = Layers.dropout(x, dropout, training);
        long from = params != null && params.contains(OUTPUT_FROM) ? (Long) params.get(OUTPUT_FROM) : 0;
        int narrowing = from == 0 ? -1 : lastRowAttentionLayer();
        List<NDArray> maps = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            PairList<String, Object> layerParams = i == narrowing ? ForwardParams.with(params, AttentionBlock.QUERIES_FROM, from) : params;
            NDList out = layers.get(i).forward(ps, new NDList(x), training, layerParams);
            x = out.head();
            if (out.size() > 1) {
                maps.add(out.get(1));
            }
        }
        x = Layers.dropout(x, dropout, training);
        NDList out = heads.forward(ps, new NDList(x), training);
        for (NDArray map : maps) {
            out.add(map);
        }
        return out;
    }

    /** @return the index of the last ABD layer; depth is even and at least 2, so there is one before the last ABA layer */
    private int lastRowAttentionLayer() {
        return layers.size() - 2;
    }


    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return heads.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), layout.columnCount(), embeddingDim)});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes);
        Shape hidden = embedding.getOutputShapes(inputShapes)[0];
        for (AbstractBlock layer : layers) {
            layer.initialize(manager, dataType, hidden);
        }
        heads.initialize(manager, dataType, hidden);
    }

    /**
     * @param rows N used for initialisation shapes (any positive number)
     * @return the input shapes of the network for N rows
     */
    public Shape[] inputShapes(long rows) {
        Shape[] shapes = new Shape[layout.columnCount()];
        for (int j = 0; j < shapes.length; j++) {
            shapes[j] = new Shape(rows, layout.inputWidths()[j]);
        }
        return shapes;
    }

    /** @return e, the width of each attribute's embedding */
    public int embeddingDim() {
        return embeddingDim;
    }

    /** @return the column layout */
    public ColumnLayout layout() {
        return layout;
    }
}
