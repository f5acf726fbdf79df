package org.npt4j.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Embeds the ragged encoded table into (N, D, E): a separate linear map per column (its inputs have
 * different widths H_j), plus a learned column-index embedding and, when the table has both
 * numerical and categorical columns, a column-type embedding. Embeddings start from N(0, 1), as
 * {@code torch.nn.Embedding}.
 */
final class ColumnEmbedding extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ColumnLayout layout;
    private final int embeddingDim;
    private final Linear[] columnMaps;
    private final Parameter indexEmbedding;
    private final Parameter typeEmbedding;
    private final float[] typeSelector;

    /**
     * @param layout the column widths and types
     * @param embeddingDim E
     * @param indexEmbedding whether to add the column-index embedding
     * @param typeEmbedding whether to add the type embedding when both types occur
     */
    public ColumnEmbedding(ColumnLayout layout, int embeddingDim, boolean indexEmbedding, boolean typeEmbedding) {
        super(VERSION);
        this.layout = layout;
        this.embeddingDim = embeddingDim;
        int d = layout.columnCount();
        this.columnMaps = new Linear[d];
        for (int j = 0; j < d; j++) {
            columnMaps[j] = addChildBlock("column" + j, Layers.linear(layout.inputWidths()[j], embeddingDim));
        }
        this.indexEmbedding = indexEmbedding ? addParameter(embedding("columnIndex", d)) : null;
        boolean types = typeEmbedding && layout.mixedTypes();
        this.typeEmbedding = types ? addParameter(embedding("columnType", 2)) : null;
        // One-hot (D, 2) selector: row j picks type 0 (numerical) or 1 (categorical).
        this.typeSelector = new float[d * 2];
        for (int j = 0; j < d; j++) {
            typeSelector[j * 2 + (layout.categorical()[j] ? 1 : 0)] = 1f;
        }
    }

    private Parameter embedding(String name, int rows) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, embeddingDim))
                .optInitializer(new NormalInitializer(1f))
                .build();
    }

    /**
     * @param inputs D arrays (N, H_j)
     * @return one array (N, D, E)
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int d = layout.columnCount();
        NDList columns = new NDList(d);
        for (int j = 0; j < d; j++) {
            columns.add(columnMaps[j].forward(ps, new NDList(inputs.get(j)), training).head());
        }
        NDArray x = NDArrays.stack(columns, 1);
        Device device = x.getDevice();
        if (typeEmbedding != null) {
            NDArray selector = x.getManager().create(typeSelector, new Shape(d, 2));
            x = x.add(selector.matMul(ps.getValue(typeEmbedding, device, training)));
        }
        if (indexEmbedding != null) {
            x = x.add(ps.getValue(indexEmbedding, device, training));
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), layout.columnCount(), embeddingDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int j = 0; j < columnMaps.length; j++) {
            columnMaps[j].initialize(manager, dataType, inputShapes[j]);
        }
    }
}
