package org.npt4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
public final class AttentionBlock extends ShapePreservingBlock {

    private static final byte VERSION = 1;

    /** Key of the forward parameter that asks blocks to return their attention weights as well. */
    public static final String RECORD_ATTENTION = "npt.recordAttention";

    /** Key of the forward parameter holding an additive mask for the attention scores, broadcast to (B, heads, L, L). */
    public static final String ATTENTION_MASK = "npt.attentionMask";

    /**
     * Key of the forward parameter (a {@code Long} f) that asks for the output of positions f..L−1
     * only: every position still serves as a key and value, but only those positions are queries.
     * The output is then (B, L − f, w), and each of its positions equals the full form's.
     */
    public static final String QUERIES_FROM = "npt.queriesFrom";

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

    /**
     * @param width w, the last input dimension
     * @param attend whether positions attend to each other (false: the A = I ablation)
     * @param settings the heads, both dropout rates, the LayerNorm epsilon and the feed-forward
     *     expansion, read by name from the configuration so that no two rates can be swapped
     */
    public AttentionBlock(int width, boolean attend, NptConfig settings) {
        super(VERSION);
        int h = settings.get(Settings.HEADS);
        if (width % h != 0) {
            throw new IllegalArgumentException(h + " heads do not divide width " + width);
        }
        double eps = settings.get(Settings.LAYER_NORM_EPS);
        this.width = width;
        this.heads = h;
        this.attend = attend;
        this.attentionDropout = settings.get(Settings.ATTENTION_DROPOUT);
        this.hiddenDropout = settings.get(Settings.HIDDEN_DROPOUT);
        this.scale = (float) (1.0 / Math.sqrt(width));
        this.lnQuery = attend ? addChildBlock("lnQuery", Layers.layerNorm(2, eps)) : null;
        this.query = attend ? addChildBlock("query", Layers.linear(width, width)) : null;
        this.key = attend ? addChildBlock("key", Layers.linear(width, width)) : null;
        this.value = addChildBlock("value", Layers.linear(width, width));
        this.mixHeads = addChildBlock("mixHeads", Layers.linear(width, width));
        this.residual = addChildBlock("residual", Layers.linear(width, width));
        this.lnFeedForward = addChildBlock("lnFeedForward", Layers.layerNorm(2, eps));
        this.feedForward = addChildBlock("feedForward",
                new FeedForward(width, settings.get(Settings.RFF_EXPANSION), hiddenDropout));
    }

    /**
     * @param ps parameter store
     * @param inputs X of shape (B, L, w)
     * @param training whether dropout is active
     * @param params when it contains {@link #RECORD_ATTENTION}, the output also carries A; with
     *     {@link #QUERIES_FROM} f, only positions f..L−1 are output
     * @return Y of shape (B, L − f, w), followed by A of shape (B, heads, L − f, L) when recorded
     *     (post-softmax, before dropout; absent for the A = I ablation)
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        long b = x.getShape().get(0);
        long l = x.getShape().get(1);
        long from = queriesFrom(params, l);
        // The positions whose output is asked for: all of them, or the tail f..L-1.
        NDArray xq = from == 0 ? x : x.get(new NDIndex(":, {}:", from));
        long lq = l - from;
        NDList raw = new NDList(x);
        NDArray v = value.forward(ps, raw, training).head();
        NDArray attended;
        NDArray probabilities = null;
        if (attend) {
            NDArray xn = lnQuery.forward(ps, new NDList(xq), training).head();
            // Scaling Q instead of Q·Kᵀ is the same arithmetic on the smaller tensor.
            NDArray projected = query.forward(ps, new NDList(xn), training).head();
            NDArray q = splitHeads(projected.mul(Tensors.scalar(projected, scale)), b, lq);
            NDArray kT = splitHeads(key.forward(ps, raw, training).head(), b, l).transpose(0, 1, 3, 2);
            NDArray vh = splitHeads(v, b, l);
            NDArray mask = attentionMask(params, from);
            boolean record = params != null && params.contains(RECORD_ATTENTION);
            long chunk = AttentionChunks.queryRows(b, heads, l);
            if (record || chunk >= lq) {
                probabilities = attentionProbabilities(q, kT, mask);
                attended = mergeHeads(Layers.dropout(probabilities, attentionDropout, training).matMul(vh), b, lq);
            } else {
                // Query rows in chunks, so that no attention map exceeds the bound: each map is then small enough
                // for the allocator to reuse from step to step instead of mapping fresh pages (see AttentionChunks).
                NDList parts = new NDList();
                for (long start = 0; start < lq; start += chunk) {
                    NDIndex rows = new NDIndex(":, :, {}:{}", start, Math.min(lq, start + chunk));
                    NDArray p = attentionProbabilities(q.get(rows), kT, mask == null || mask.getShape().get(2) == 1 ? mask : mask.get(rows));
                    parts.add(Layers.dropout(p, attentionDropout, training).matMul(vh));
                }
                attended = mergeHeads(NDArrays.concat(parts, 2), b, lq);
            }
        } else {
            attended = from == 0 ? v : v.get(new NDIndex(":, {}:", from));
        }
        NDArray mixed = Layers.dropout(mixHeads.forward(ps, new NDList(attended), training).head(), hiddenDropout, training);
        NDArray h = residual.forward(ps, new NDList(xq), training).head().add(mixed);
        NDArray hn = lnFeedForward.forward(ps, new NDList(h), training).head();
        NDArray y = h.add(feedForward.forward(ps, new NDList(hn), training).head());
        boolean record = params != null && params.contains(RECORD_ATTENTION) && probabilities != null;
        return record ? new NDList(y, probabilities) : new NDList(y);
    }

    /** @return f of {@link #QUERIES_FROM}, or 0 when absent */
    private static long queriesFrom(PairList<String, Object> params, long length) {
        if (params == null || !params.contains(QUERIES_FROM)) {
            return 0;
        }
        long from = (Long) params.get(QUERIES_FROM);
        if (from < 0 || from >= length) {
            throw new IllegalArgumentException("Queries from position " + from + " of " + length + ": no position would be output");
        }
        return from;
    }

    /** @return the additive score mask for the query positions from {@code from} on, or null */
    private static NDArray attentionMask(PairList<String, Object> params, long from) {
        NDArray mask = params != null && params.contains(ATTENTION_MASK) ? (NDArray) params.get(ATTENTION_MASK) : null;
        if (mask == null || from == 0 || mask.getShape().get(2) == 1) {
            return mask;
        }
        return mask.get(new NDIndex(":, :, {}:", from));
    }

    /** softmax(Q_h·K_hᵀ + mask) for the given query rows: (B, heads, rows, L). */
    private static NDArray attentionProbabilities(NDArray q, NDArray kT, NDArray mask) {
        NDArray scores = q.matMul(kT);
        if (mask != null) {
            scores = scores.add(mask);
        }
        return scores.softmax(-1);
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
}
