package org.npt4j.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A separate output head per column: Linear(E → H_j − 1) on that column's slice of (N, D, E). The
 * mask bit is not predicted: categorical columns get C_j logits, numerical ones one standardised value.
 */
final class ColumnHeads extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ColumnLayout layout;
    private final Linear[] heads;

    /**
     * @param layout column widths
     * @param embeddingDim E
     */
    public ColumnHeads(ColumnLayout layout, int embeddingDim) {
        super(VERSION);
        this.layout = layout;
        this.heads = new Linear[layout.columnCount()];
        for (int j = 0; j < heads.length; j++) {
            heads[j] = addChildBlock("column" + j, Layers.linear(embeddingDim, layout.outputWidth(j)));
        }
    }

    /**
     * @param inputs one array (N, D, E)
     * @return D arrays (N, H_j − 1)
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList slices = inputs.head().split(heads.length, 1);
        NDList out = new NDList(heads.length);
        for (int j = 0; j < heads.length; j++) {
            out.add(heads[j].forward(ps, new NDList(slices.get(j).squeeze(1)), training).head());
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        Shape[] out = new Shape[heads.length];
        for (int j = 0; j < heads.length; j++) {
            out[j] = new Shape(n, layout.outputWidth(j));
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape slice = new Shape(inputShapes[0].get(0), inputShapes[0].get(2));
        for (Linear h : heads) {
            h.initialize(manager, dataType, slice);
        }
    }
}
