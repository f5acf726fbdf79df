package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.RFF_EXPANSION;

import org.npt4j.core.NptConfig;
import org.npt4j.core.model.ColumnLayout;

/**
 * Counts the matrix work of one NPT training step and estimates the memory it needs, from the
 * shapes alone. Multiply-adds count as two FLOPs; a backward pass is counted as twice the forward
 * (gradients for inputs and for weights), so a step is three forward passes. Element-wise work
 * (softmax, GELU, LayerNorm, dropout, the optimiser) is not counted: it is overhead against which
 * the matrix work is measured.
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
     * @return bytes a step needs at least: parameters, their gradients, LAMB's two moments,
     *     Lookahead's slow copy, and the activations autograd keeps for the backward pass
     */
    static double memoryBytes(ColumnLayout layout, NptConfig c, long n, long parameters) {
        long d = layout.columnCount();
        long e = c.get(EMBEDDING_DIM);
        long h = d * e;
        long r = c.get(RFF_EXPANSION);
        long heads = c.get(HEADS);
        // Kept per block: input, LayerNorms, Q, K, V, attended, mixed, residual, sum, FF hidden (pre and
        // post GELU, r-fold width) and output, plus scores, probabilities and dropout mask per head.
        double abd = (12.0 + 2 * r) * n * h + 3.0 * heads * n * n;
        double aba = n * ((12.0 + 2 * r) * d * e + 3.0 * heads * d * d);
        double activations = c.get(DEPTH) / 2 * (abd + aba);
        return 4.0 * (5.0 * parameters + activations);
    }
}
