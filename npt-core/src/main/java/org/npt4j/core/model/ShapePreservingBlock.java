package org.npt4j.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * A block whose output has its input's shape: NPT's attention blocks, the two attention layers
 * built on them and the row-wise feed-forward layer all map (.., w) to (.., w), so that they stack
 * and add residuals.
 */
abstract class ShapePreservingBlock extends AbstractBlock {

    ShapePreservingBlock(byte version) {
        super(version);
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
