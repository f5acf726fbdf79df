package org.npt4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.npt4j.core.engine.Tensors;

/**
 * Attention between datapoints (ABD): each row's D×E embedding is flattened into one vector of
 * width h = D·E, and the rows attend to each other. (N, D, E) → (1, N, D·E) → block → (N, D, E);
 * LayerNorms and the feed-forward layer therefore act on all attributes of a row jointly.
 *
 * <p>At prediction time ({@link #QUERY_MASK} given) the context rows attend only to each other
 * and each query row to the context rows and itself. A query's prediction then depends on the
 * context alone, never on which other queries share its batch: scoring rows one at a time or all
 * together gives the same result. (The reference lets test rows attend to each other too.)
 */
public final class RowAttentionLayer extends ShapePreservingBlock {

    /** Forward parameter: the mask of {@link #queryMask}, built once per forward pass and shared by every ABD layer. */
    public static final String QUERY_MASK = "npt.queryMask";

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
     * @return (N, D, E), followed by the attention weights (heads, N, N) when recorded; with
     *     {@link AttentionBlock#QUERIES_FROM} f in the parameters, (N − f, D, E) and (heads, N − f, N)
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        long n = x.getShape().get(0);
        PairList<String, Object> blockParams = params;
        if (params != null && params.contains(QUERY_MASK)) {
            blockParams = ForwardParams.with(params, AttentionBlock.ATTENTION_MASK, params.get(QUERY_MASK));
        }
        NDList out = block.forward(ps, new NDList(x.reshape(1, n, (long) columns * embeddingDim)), training, blockParams);
        // Fewer rows than n come back when the block was asked for the tail rows only.
        NDArray y = out.get(0).reshape(out.get(0).getShape().get(1), columns, embeddingDim);
        return out.size() > 1 ? new NDList(y, out.get(1).squeeze(0)) : new NDList(y);
    }

    /**
     * @param manager owns the mask
     * @param n rows in the batch
     * @param contextRows the leading rows that are context; the rest are queries
     * @return an additive (1, 1, n, n) mask: 0 where row i may attend to row j (j is a context row,
     *     or j = i), a large negative number elsewhere, so that softmax gives those pairs weight 0
     */
    public static NDArray queryMask(NDManager manager, long n, int contextRows) {
        NDArray index = manager.arange(0, (int) n, 1, DataType.INT64);
        NDArray keys = index.reshape(1, n);
        NDArray allowed = keys.lt(contextRows).logicalOr(keys.eq(index.reshape(n, 1)));
        NDArray blocked = allowed.logicalNot().toType(DataType.FLOAT32, false);
        return blocked.mul(Tensors.scalar(blocked, -1e9f)).reshape(1, 1, n, n);
    }


    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        block.initialize(manager, dataType, new Shape(1, inputShapes[0].get(0), (long) columns * embeddingDim));
    }
}
