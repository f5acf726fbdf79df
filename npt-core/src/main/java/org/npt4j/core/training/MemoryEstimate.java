package org.npt4j.core.training;

import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.RFF_EXPANSION;

import org.npt4j.core.NptConfig;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.model.ParameterCensus;

/**
 * The memory an NPT training step needs, from the shapes alone: the project's one memory model,
 * used by the check before training ({@code memoryCheck}) and by the benchmarks.
 *
 * <p>A step keeps, in float32: the parameters, their gradients, LAMB's two moments and Lookahead's
 * slow copy (five copies of the parameters), plus the activations autograd keeps for the backward
 * pass. Per ABD layer over N rows of width h = D·e those are the block's input, LayerNorms, Q, K, V,
 * attended, mixed, residual, sum and output, the feed-forward hidden layer before and after GELU
 * (r-fold width), and per head the N×N scores, probabilities and dropout mask; per ABA layer the
 * same with N·D tokens of width e in groups of D. Embeddings, heads, the loss, the allocator's
 * slack and the runtime itself are left out, so the figure is a lower bound: the benchmarks measure
 * peak resident memory at 1.8 to 1.9 times it at the paper's shapes, 1.3 times it for the largest
 * full batch they run, and a few hundred MB of runtime on top for small tables (benchmarks/RESULTS.md).
 */
public final class MemoryEstimate {

    /** float32. */
    private static final double BYTES_PER_VALUE = 4.0;
    /** Parameters, gradients, LAMB's first and second moments, Lookahead's slow weights. */
    private static final double PARAMETER_COPIES = 5.0;

    private MemoryEstimate() {}

    /**
     * @param columns the table's column count D
     * @param config the architecture (embedding width, depth, heads, feed-forward expansion)
     * @param rows the rows of the largest batch a step sees
     * @param parameters the network's trainable scalars ({@link #parameterCount})
     * @return the bytes a training step needs at least
     */
    public static double trainingStepBytes(int columns, NptConfig config, long rows, long parameters) {
        long d = columns;
        long e = config.get(EMBEDDING_DIM);
        long r = config.get(RFF_EXPANSION);
        long heads = config.get(HEADS);
        double perRowWidth = 12.0 + 2 * r;
        double abd = perRowWidth * rows * d * e + 3.0 * heads * rows * rows;
        double aba = rows * (perRowWidth * d * e + 3.0 * heads * d * d);
        double activations = config.get(DEPTH) / 2 * (abd + aba);
        return BYTES_PER_VALUE * (PARAMETER_COPIES * parameters + activations);
    }

    /**
     * @param schema the fitted table schema the network is built for
     * @param config the architecture
     * @return the trainable scalars of the network built for that schema and configuration
     */
    public static long parameterCount(TableSchema schema, NptConfig config) {
        return parameterCount(ColumnLayout.of(schema), config);
    }

    /**
     * @param layout the column widths and types
     * @param config the architecture
     * @return the trainable scalars of the network ({@link ParameterCensus})
     */
    static long parameterCount(ColumnLayout layout, NptConfig config) {
        return ParameterCensus.of(layout, config).scalars();
    }
}
