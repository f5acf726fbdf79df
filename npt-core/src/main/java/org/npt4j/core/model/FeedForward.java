package org.npt4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The row-wise feed-forward layer: Linear(w → m·w), exact GELU, dropout, Linear(m·w → w), dropout.
 * Input and output shape (..., w).
 */
final class FeedForward extends ShapePreservingBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final double dropout;
    private final Linear expand;
    private final Linear contract;

    /**
     * @param width w
     * @param expansion m
     * @param dropout dropout rate after the activation and after the output
     */
    public FeedForward(int width, int expansion, double dropout) {
        super(VERSION);
        this.width = width;
        this.dropout = dropout;
        this.expand = addChildBlock("expand", Layers.linear(width, expansion * width));
        this.contract = addChildBlock("contract", Layers.linear(expansion * width, width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = expand.forward(ps, inputs, training).head();
        h = Layers.dropout(Activation.gelu(h), dropout, training);
        NDArray y = contract.forward(ps, new NDList(h), training).head();
        return new NDList(Layers.dropout(y, dropout, training));
    }


    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        expand.initialize(manager, dataType, inputShapes[0]);
        Shape hidden = expand.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        contract.initialize(manager, dataType, hidden);
    }

    /** @return the layer width w */
    public int width() {
        return width;
    }
}
