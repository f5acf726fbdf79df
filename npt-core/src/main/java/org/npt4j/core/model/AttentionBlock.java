package org.npt4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;
import org.npt4j.core.engine.Tensors;

/**
 * NPT's multi-head self-attention block (the reference's {@code MAB} used as {@code MHSA}), on
 * input (B, L, w) with attention over L:
 *
 * <pre>
 *   Q = LN0(X)·Wq,  K = X·Wk,  V = X·Wv                       (pre-LN on the queries only, as in [C])
 *   A = softmax(Q_h·K_hᵀ / sqrt(w))                             (scale by the block width, not the head width)
 *   H = X·Wres + Dropout((Dropout(A)·V_h, heads regrouped)·Wo)
 *   Y = H + rFF(LN1(H))
 * </pre>
 *
 * The reference's {@code MAB.forward(X, Y)} normalises only the query input and computes keys and
 * values from the raw {@code Y = X}; the paper's equation normalises all three. The reference code
 * produced the paper's numbers, so its form is kept. Heads are contiguous chunks of w, and there
 * is no LayerNorm after the block.
 *
 * <p>With {@code attend = false} every position attends only to itself (A = I), which removes all
 * interaction along L while keeping the rest of the block: the "no attention between datapoints"
 * ablation. The query LayerNorm and the query and key projections are then not created.
 */
public final class AttentionBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    /** Key of the forward parameter that asks blocks to return their attention weights as well. */
    public static final String RECORD_ATTENTION = "npt.recordAttention";

    /** Key of the forward parameter holding an additive mask for the attention scores, broadcast to (B, heads, L, L). */
    public static final String ATTENTION_MASK = "npt.attentionMask";

    private final int width;
    private final int heads;
    private final boolean attend;
    private final double attentionDropout;
    private final double hiddenDropout;
    private final float scale;

    private final LayerNorm lnQuery;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear mixHeads;
    private final Linear residual;
    private final LayerNorm lnFeedForward;
    private final FeedForward feedForward;

    /** @return a builder; every field must be set except where its javadoc gives a default */
    public static Builder builder() {
        return new Builder();
    }

    private AttentionBlock(Builder b) {
        super(VERSION);
        if (b.width <= 0 || b.heads <= 0 || b.width % b.heads != 0) {
            throw new IllegalArgumentException(b.heads + " heads do not divide width " + b.width);
        }
        int w = b.width;
        this.width = w;
        this.heads = b.heads;
        this.attend = b.attend;
        this.attentionDropout = b.attentionDropout;
        this.hiddenDropout = b.hiddenDropout;
        this.scale = (float) (1.0 / Math.sqrt(w));
        this.lnQuery = attend ? addChildBlock("lnQuery", Layers.layerNorm(2, b.layerNormEps)) : null;
        this.query = attend ? addChildBlock("query", Layers.linear(w, w)) : null;
        this.key = attend ? addChildBlock("key", Layers.linear(w, w)) : null;
        this.value = addChildBlock("value", Layers.linear(w, w));
        this.mixHeads = addChildBlock("mixHeads", Layers.linear(w, w));
        this.residual = addChildBlock("residual", Layers.linear(w, w));
        this.lnFeedForward = addChildBlock("lnFeedForward", Layers.layerNorm(2, b.layerNormEps));
        this.feedForward = addChildBlock("feedForward", new FeedForward(w, b.rffExpansion, b.hiddenDropout));
    }

    /**
     * @param ps parameter store
     * @param inputs X of shape (B, L, w)
     * @param training whether dropout is active
     * @param params when it contains {@link #RECORD_ATTENTION}, the output also carries A
     * @return Y of shape (B, L, w), followed by A of shape (B, heads, L, L) when recorded
     *     (post-softmax, before dropout; absent for the A = I ablation)
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        long b = x.getShape().get(0);
        long l = x.getShape().get(1);
        NDList raw = new NDList(x);
        NDArray v = value.forward(ps, raw, training).head();
        NDArray attended;
        NDArray probabilities = null;
        if (attend) {
            NDArray xn = lnQuery.forward(ps, raw, training).head();
            // Scaling Q instead of Q·Kᵀ is the same arithmetic on the smaller tensor.
            NDArray projected = query.forward(ps, new NDList(xn), training).head();
            NDArray q = splitHeads(projected.mul(Tensors.scalar(projected, scale)), b, l);
            NDArray k = splitHeads(key.forward(ps, raw, training).head(), b, l);
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
            if (params != null && params.contains(ATTENTION_MASK)) {
                scores = scores.add((NDArray) params.get(ATTENTION_MASK));
            }
            probabilities = scores.softmax(-1);
            NDArray a = Layers.dropout(probabilities, attentionDropout, training);
            attended = mergeHeads(a.matMul(splitHeads(v, b, l)), b, l);
        } else {
            attended = v;
        }
        NDArray mixed = Layers.dropout(mixHeads.forward(ps, new NDList(attended), training).head(), hiddenDropout, training);
        NDArray h = residual.forward(ps, raw, training).head().add(mixed);
        NDArray hn = lnFeedForward.forward(ps, new NDList(h), training).head();
        NDArray y = h.add(feedForward.forward(ps, new NDList(hn), training).head());
        boolean record = params != null && params.contains(RECORD_ATTENTION) && probabilities != null;
        return record ? new NDList(y, probabilities) : new NDList(y);
    }

    /** (B, L, w) → (B, heads, L, w/heads): contiguous chunks of w become heads. */
    private NDArray splitHeads(NDArray x, long b, long l) {
        return x.reshape(b, l, heads, width / heads).transpose(0, 2, 1, 3);
    }

    /** (B, heads, L, w/heads) → (B, L, w), heads back in chunk order. */
    private NDArray mergeHeads(NDArray x, long b, long l) {
        return x.transpose(0, 2, 1, 3).reshape(b, l, width);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        if (s.dimension() != 3 || s.get(2) != width) {
            throw new IllegalArgumentException("AttentionBlock of width " + width + " expects (B, L, " + width + "), got " + s);
        }
        if (attend) {
            lnQuery.initialize(manager, dataType, s);
            query.initialize(manager, dataType, s);
            key.initialize(manager, dataType, s);
        }
        value.initialize(manager, dataType, s);
        mixHeads.initialize(manager, dataType, s);
        residual.initialize(manager, dataType, s);
        lnFeedForward.initialize(manager, dataType, s);
        feedForward.initialize(manager, dataType, s);
    }

    /** @return the block width w */
    public int width() {
        return width;
    }

    /** @return the number of heads */
    public int heads() {
        return heads;
    }

    /**
     * The block's shape and regularisation, set by name so that the three rates and the epsilon
     * cannot be swapped by position. {@link #settings(NptConfig)} takes all but the width from a
     * configuration.
     */
    public static final class Builder {
        private int width;
        private int heads;
        private boolean attend = true;
        private double attentionDropout;
        private double hiddenDropout;
        private double layerNormEps = 1e-12;
        private int rffExpansion = 4;

        private Builder() {}

        /** Heads, dropouts, LayerNorm epsilon and feed-forward expansion from a configuration. */
        public Builder settings(NptConfig config) {
            return heads(config.get(Settings.HEADS)).attentionDropout(config.get(Settings.ATTENTION_DROPOUT))
                    .hiddenDropout(config.get(Settings.HIDDEN_DROPOUT)).layerNormEps(config.get(Settings.LAYER_NORM_EPS))
                    .rffExpansion(config.get(Settings.RFF_EXPANSION));
        }

        /** w, the last input dimension. */
        public Builder width(int w) {
            this.width = w;
            return this;
        }

        /** The number of heads; divides w. */
        public Builder heads(int h) {
            this.heads = h;
            return this;
        }

        /** Whether positions attend to each other (default true; false is the A = I ablation). */
        public Builder attend(boolean a) {
            this.attend = a;
            return this;
        }

        /** Dropout on A (default 0). */
        public Builder attentionDropout(double p) {
            this.attentionDropout = p;
            return this;
        }

        /** Dropout on the mixed heads and inside the feed-forward layer (default 0). */
        public Builder hiddenDropout(double p) {
            this.hiddenDropout = p;
            return this;
        }

        /** LayerNorm epsilon (default 1e-12, the reference's). */
        public Builder layerNormEps(double eps) {
            this.layerNormEps = eps;
            return this;
        }

        /** Feed-forward width multiplier (default 4). */
        public Builder rffExpansion(int r) {
            this.rffExpansion = r;
            return this;
        }

        /** @return the block */
        public AttentionBlock build() {
            return new AttentionBlock(this);
        }
    }
}
