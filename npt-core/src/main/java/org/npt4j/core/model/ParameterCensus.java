package org.npt4j.core.model;

import static org.npt4j.core.Settings.ATTENTION_BETWEEN_DATAPOINTS;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.FEATURE_INDEX_EMBEDDING;
import static org.npt4j.core.Settings.FEATURE_TYPE_EMBEDDING;
import static org.npt4j.core.Settings.RFF_EXPANSION;

import org.npt4j.core.NptConfig;

/**
 * The parameters {@link NptNetwork} builds for some settings and columns, counted from the shapes
 * without building it: how many tensors (a loaded model's weights must hold exactly these, and a
 * crafted depth must be refused before millions of blocks are built) and how many scalars (what
 * training's memory check and the benchmarks multiply out).
 *
 * <p>It follows the network as built: per column an input map and an output head (each a linear
 * layer with bias), a column-index embedding and, when both column types occur, a column-type
 * embedding, then {@code depth} attention blocks alternating ABD (width D·e) and ABA (width e).
 * A block has a query LayerNorm, Q and K (absent when it does not attend), V, the head mixing and
 * the learned residual, and a feed-forward layer with its own LayerNorm.
 *
 * @param tensors the parameter tensors
 * @param scalars the trainable scalars in them
 */
public record ParameterCensus(long tensors, long scalars) {

    /**
     * @param layout the columns
     * @param config the architecture
     * @return the network's parameters
     */
    public static ParameterCensus of(ColumnLayout layout, NptConfig config) {
        int d = layout.columnCount();
        long e = config.get(EMBEDDING_DIM);
        long r = config.get(RFF_EXPANSION);
        ParameterCensus census = new ParameterCensus(0, 0);
        for (int j = 0; j < d; j++) {
            census = census.plus(linear(layout.inputWidths()[j], e)).plus(linear(e, layout.outputWidth(j)));
        }
        if (config.get(FEATURE_INDEX_EMBEDDING)) {
            census = census.plus(new ParameterCensus(1, d * e));
        }
        if (config.get(FEATURE_TYPE_EMBEDDING) && layout.mixedTypes()) {
            census = census.plus(new ParameterCensus(1, 2 * e));
        }
        long depth = config.get(DEPTH);
        ParameterCensus rows = attentionBlock(d * e, r, config.get(ATTENTION_BETWEEN_DATAPOINTS));
        ParameterCensus attributes = attentionBlock(e, r, true);
        // Blocks alternate ABD and ABA, starting with ABD; the depth is even.
        return census.plus(rows.times((depth + 1) / 2)).plus(attributes.times(depth / 2));
    }

    private static ParameterCensus attentionBlock(long w, long r, boolean attend) {
        ParameterCensus queryAndKey = attend ? layerNorm(w).plus(linear(w, w).times(2)) : new ParameterCensus(0, 0);
        ParameterCensus valueMixResidual = linear(w, w).times(3);
        ParameterCensus feedForward = layerNorm(w).plus(linear(w, r * w)).plus(linear(r * w, w));
        return queryAndKey.plus(valueMixResidual).plus(feedForward);
    }

    /** Weights and bias. */
    private static ParameterCensus linear(long in, long out) {
        return new ParameterCensus(2, in * out + out);
    }

    /** Gain and bias. */
    private static ParameterCensus layerNorm(long w) {
        return new ParameterCensus(2, 2 * w);
    }

    private ParameterCensus plus(ParameterCensus other) {
        return new ParameterCensus(tensors + other.tensors, scalars + other.scalars);
    }

    private ParameterCensus times(long n) {
        return new ParameterCensus(tensors * n, scalars * n);
    }
}
