package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.RFF_EXPANSION;

import org.npt4j.core.NptConfig;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.training.MemoryEstimate;

/**
 * Counts the matrix work of one NPT training step, from the shapes alone, and gives the memory it
 * needs by the core's {@link MemoryEstimate}. Multiply-adds count as two FLOPs; a backward pass is
 * counted as twice the forward (gradients for inputs and for weights), so a step is three forward
 * passes. Element-wise work (softmax, GELU, LayerNorm, dropout, the optimiser) is not counted: it
 * is overhead against which the matrix work is measured.
 *
 * <p>Per ABD layer over N rows of width h = D·e: Q, K, V, the learned residual and the head mixing
 * are five N×h×h products, the feed-forward two N×h×(r·h), and the attention two N×N×h. Per ABA
 * layer the same with N·D tokens of width e in groups of D.
 */
final class FlopModel {

    private FlopModel() {}

    /** @return forward FLOPs of the network for a batch of n rows */
    static double forward(ColumnLayout layout, NptConfig c, long n) {
        long d = layout.columnCount();
        long e = c.get(EMBEDDING_DIM);
        long h = d * e;
        long r = c.get(RFF_EXPANSION);
        double flops = 0;
        for (int j = 0; j < d; j++) {
            flops += 2.0 * n * layout.inputWidths()[j] * e;      // per-column input maps
            flops += 2.0 * n * e * layout.outputWidth(j);        // per-column output heads
        }
        double abd = 2.0 * n * h * h * (5 + 2 * r) + 4.0 * n * n * h;
        double aba = n * (2.0 * d * e * e * (5 + 2 * r) + 4.0 * d * d * e);
        return flops + c.get(DEPTH) / 2 * (abd + aba);
    }

    /** @return FLOPs of a training step (forward and backward) */
    static double step(ColumnLayout layout, NptConfig c, long n) {
        return 3 * forward(layout, c, n);
    }

    /**
     * @return bytes a step needs at least, by the core's memory model ({@link MemoryEstimate}: the
     *     one the check before training uses)
     */
    static double memoryBytes(ColumnLayout layout, NptConfig c, long n, long parameters) {
        return MemoryEstimate.trainingStepBytes(layout.columnCount(), c, n, parameters);
    }
}
