package org.npt4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Attention between datapoints (ABD): each row's D×E embedding is flattened into one vector of
 * width h = D·E, and the rows attend to each other. (N, D, E) → (1, N, D·E) → block → (N, D, E);
 * LayerNorms and the feed-forward layer therefore act on all attributes of a row jointly.
 */
public final class RowAttentionLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int columns;
    private final int embeddingDim;
    private final AttentionBlock block;

    /**
     * @param columns D
     * @param embeddingDim E
     * @param block an attention block of width D·E
     */
    public RowAttentionLayer(int columns, int embeddingDim, AttentionBlock block) {
        super(VERSION);
        if (block.width() != columns * embeddingDim) {
            throw new IllegalArgumentException("ABD block width " + block.width() + " is not D·E = " + columns * embeddingDim);
        }
        this.columns = columns;
        this.embeddingDim = embeddingDim;
        this.block = addChildBlock("block", block);
    }

    /**
     * @return (N, D, E), followed by the attention weights (heads, N, N) when recorded
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        long n = x.getShape().get(0);
        NDList out = block.forward(ps, new NDList(x.reshape(1, n, (long) columns * embeddingDim)), training, params);
        NDArray y = out.get(0).reshape(n, columns, embeddingDim);
        return out.size() > 1 ? new NDList(y, out.get(1).squeeze(0)) : new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        block.initialize(manager, dataType, new Shape(1, inputShapes[0].get(0), (long) columns * embeddingDim));
    }
}
