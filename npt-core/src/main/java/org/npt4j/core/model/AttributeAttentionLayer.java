package org.npt4j.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Attention between attributes (ABA): within each row independently, the D attribute embeddings
 * attend to each other. Input and output (N, D, E): rows are the batch, attributes the sequence.
 */
final class AttributeAttentionLayer extends ShapePreservingBlock {

    private static final byte VERSION = 1;

    private final AttentionBlock block;

    /**
     * @param block an attention block of width E
     */
    public AttributeAttentionLayer(AttentionBlock block) {
        super(VERSION);
        this.block = addChildBlock("block", block);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        // ABA maps are per row and not part of the attention API: never pass the record flag down.
        return new NDList(block.forward(ps, inputs, training).head());
    }


    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        block.initialize(manager, dataType, inputShapes[0]);
    }
}
