package org.npt4j.core.model;

import org.npt4j.core.engine.WholeNumberProperty;

/**
 * How many query rows an attention block scores at once, so that no attention map (one per step
 * and layer, and as many again for softmax, dropout and their gradients) exceeds a bound.
 *
 * <p>Why: a map of B·heads·L·L floats grows with the square of the batch; at 2,048 rows and 8
 * heads it is 134 MB. glibc maps every block above 32 MB afresh and unmaps it on free, so each
 * such map was paid page by page (a fault and a zero-fill per 4 kB) in every layer of every step,
 * and the step reached a quarter of the machine's matrix throughput. Maps of at most
 * {@value #DEFAULT_MAX_MAP_BYTES} bytes stay below that threshold and are reused. Chunking the
 * query rows changes neither the arithmetic (each query row's softmax is over all keys either way)
 * nor what autograd keeps in total; it bounds the size of each piece, and at prediction time the
 * memory a forward pass needs at once.
 *
 * <p>The bound can be changed with the system property {@value #PROPERTY} (bytes; 0 for no
 * chunking), for comparisons.
 */
final class AttentionChunks {

    /** System property: the largest attention map in bytes; 0 turns chunking off. */
    static final String PROPERTY = "npt4j.attentionMapBytes";

    /** 16 MB: half glibc's largest dynamic mmap threshold, so a map is always served from reused heap. */
    static final long DEFAULT_MAX_MAP_BYTES = 16L << 20;

    private AttentionChunks() {}

    /**
     * @param batch B
     * @param heads attention heads
     * @param length L, both the query and the key count
     * @return query rows per chunk, at least 1; {@code length} or more means one chunk
     */
    static long queryRows(long batch, int heads, long length) {
        long bound = bound();
        if (bound <= 0) {
            return length;
        }
        long bytesPerQueryRow = batch * heads * length * Float.BYTES;
        return Math.max(1, bound / Math.max(1, bytesPerQueryRow));
    }

    /** @return the bound in bytes */
    private static long bound() {
        return WholeNumberProperty.read(PROPERTY, DEFAULT_MAX_MAP_BYTES, "bytes", "for no chunking");
    }
}
