package org.npt4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.ATTENTION_DROPOUT;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.HIDDEN_DROPOUT;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.GradMode;

/** Row attention scored in chunks of query rows gives what the whole map gives. */
class AttentionChunksTest {

    private static final int ROWS = 40;
    private static final int WIDTH = 16;
    private static final int HEADS_USED = 2;
    /** Bytes of one query row's scores at this size: B·heads·L floats. */
    private static final long ROW_BYTES = (long) HEADS_USED * ROWS * Float.BYTES;

    @Test
    void chunkSizesFollowTheBound() {
        withBound(ROW_BYTES * 7, () -> assertEquals(7, AttentionChunks.queryRows(1, HEADS_USED, ROWS)));
        withBound(0, () -> assertEquals(ROWS, AttentionChunks.queryRows(1, HEADS_USED, ROWS)));
        withBound(1, () -> assertEquals(1, AttentionChunks.queryRows(1, HEADS_USED, ROWS)));
        // 2,048 rows, 8 heads: 64 KB per query row, so a 16 MB map holds 256 rows.
        assertEquals(256, AttentionChunks.queryRows(1, 8, 2048));
    }

    @Test
    void aBoundThatIsNotANumberIsRefusedByName() {
        withBound("16MB", () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> AttentionChunks.queryRows(1, HEADS_USED, ROWS));
            assertTrue(e.getMessage().contains("npt4j.attentionMapBytes=16MB"), e.getMessage());
        });
    }

    @Test
    void chunkedAttentionEqualsTheWholeMapForwardAndBackward() {
        NptConfig config = Fixtures.tiny().set(HEADS, HEADS_USED).set(ATTENTION_DROPOUT, 0.0).set(HIDDEN_DROPOUT, 0.0).build();
        Engine engine = Engines.pytorch();
        try (GradMode off = GradMode.disabled(); NDManager m = engine.newBaseManager()) {
            AttentionBlock block = new AttentionBlock(WIDTH, true, config);
            block.initialize(m, DataType.FLOAT32, new Shape(1, ROWS, WIDTH));
            float[] values = new float[ROWS * WIDTH];
            SplittableRandom rng = new SplittableRandom(4);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) rng.nextGaussian();
            }
            NDArray x = m.create(values, new Shape(1, ROWS, WIDTH));
            NDArray queryMask = RowAttentionLayer.queryMask(m, ROWS, 25);
            for (NDArray mask : new NDArray[] {null, queryMask}) {
                float[][] whole = forwardAndGradient(engine, m, block, x, mask, 0);
                float[][] chunked = forwardAndGradient(engine, m, block, x, mask, ROW_BYTES * 7);
                for (int k = 0; k < 2; k++) {
                    double worst = 0;
                    for (int i = 0; i < whole[k].length; i++) {
                        worst = Math.max(worst, Math.abs(whole[k][i] - chunked[k][i]));
                    }
                    assertTrue(worst <= 1e-5, (k == 0 ? "output" : "input gradient") + (mask == null ? "" : " with the query mask")
                            + " differs by " + worst);
                }
            }
        }
    }

    /** @return the block's output and the gradient of its sum of squares with respect to the input */
    private static float[][] forwardAndGradient(Engine engine, NDManager m, AttentionBlock block, NDArray x, NDArray mask, long bound) {
        float[][] out = new float[2][];
        withBound(bound, () -> {
            try (NDManager scope = m.newSubManager()) {
                NDArray input = x.duplicate();
                input.attach(scope);
                input.setRequiresGradient(true);
                PairList<String, Object> params = new PairList<>();
                if (mask != null) {
                    params.add(AttentionBlock.ATTENTION_MASK, mask);
                }
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray y = block.forward(new ParameterStore(scope, false), new NDList(input), true, params).head();
                    out[0] = y.toFloatArray();
                    collector.backward(y.square().sum());
                }
                out[1] = input.getGradient().toFloatArray();
            }
        });
        return out;
    }

    private static void withBound(String bytes, Runnable r) {
        Fixtures.withProperty(AttentionChunks.PROPERTY, bytes, () -> {
            r.run();
            return null;
        });
    }

    private static void withBound(long bytes, Runnable r) {
        withBound(Long.toString(bytes), r);
    }
}
