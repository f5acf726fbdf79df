package org.npt4j.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.ATTENTION_BETWEEN_DATAPOINTS;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.GradMode;

/** Shapes, parameter counts and the symmetry NPT is built on: row-permutation equivariance. */
class NptNetworkTest {

    /** Two numerical columns and a 3-class categorical one: H = 2, 2, 4. */
    private static final ColumnLayout LAYOUT = new ColumnLayout(new int[] {2, 2, 4}, new boolean[] {false, false, true});

    private static NDList randomInputs(NDManager m, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NDList in = new NDList();
        for (int j = 0; j < LAYOUT.columnCount(); j++) {
            int h = LAYOUT.inputWidths()[j];
            float[] x = new float[rows * h];
            for (int i = 0; i < rows; i++) {
                if (r.nextInt(5) == 0) {
                    x[i * h + h - 1] = 1f;
                } else if (LAYOUT.categorical()[j]) {
                    x[i * h + r.nextInt(h - 1)] = 1f;
                } else {
                    x[i * h] = (float) r.nextGaussian();
                }
            }
            in.add(m.create(x, new Shape(rows, h)));
        }
        return in;
    }

    private static NDList permuteRows(NDList in, int[] perm) {
        NDList out = new NDList();
        for (NDArray a : in) {
            out.add(a.get(a.getManager().create(perm)));
        }
        return out;
    }

    @Test
    void permutingRowsPermutesOutputs() {
        NptConfig config = Fixtures.tiny().set(DEPTH, 4).build();
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(3);
        try (GradMode off = GradMode.disabled(); NDManager m = engine.newBaseManager()) {
            NptNetwork net = new NptNetwork(LAYOUT, config);
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            int n = 23;
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = (i * 7 + 3) % n;
            }
            NDList in = randomInputs(m, n, 1);
            NDList out = net.forward(new ParameterStore(m, false), in, false);
            NDList outPermuted = net.forward(new ParameterStore(m, false), permuteRows(in, perm), false);
            for (int j = 0; j < LAYOUT.columnCount(); j++) {
                float[] expected = permuteRows(new NDList(out.get(j)), perm).head().toFloatArray();
                float[] actual = outPermuted.get(j).toFloatArray();
                assertArrayEquals(expected, actual, 1e-5f, "column " + j);
            }
        }
    }

    @Test
    void outputsOfTailRowsOnlyEqualTheFullPass() {
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(5);
        int n = 23;
        int from = 17;
        // Also the A = I ablation, whose last ABD block keeps only the tail of its values.
        for (NptConfig config : new NptConfig[] {Fixtures.tiny().set(DEPTH, 2).build(), Fixtures.tiny().set(DEPTH, 4).build(),
                Fixtures.tiny().set(DEPTH, 2).set(ATTENTION_BETWEEN_DATAPOINTS, false).build()}) {
            try (GradMode off = GradMode.disabled(); NDManager m = engine.newBaseManager()) {
                NptNetwork net = new NptNetwork(LAYOUT, config);
                net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
                NDList in = randomInputs(m, n, 2);
                for (NDArray mask : new NDArray[] {null, RowAttentionLayer.queryMask(m, n, from)}) {
                    PairList<String, Object> full = new PairList<>();
                    if (mask != null) {
                        full.add(RowAttentionLayer.QUERY_MASK, mask);
                    }
                    PairList<String, Object> tail = ForwardParams.with(full, NptNetwork.OUTPUT_FROM, (long) from);
                    NDList all = net.forward(new ParameterStore(m, false), in, false, full);
                    NDList some = net.forward(new ParameterStore(m, false), in, false, tail);
                    for (int j = 0; j < LAYOUT.columnCount(); j++) {
                        assertEquals(n - from, some.get(j).getShape().get(0));
                        float[] expected = all.get(j).get(from + ":").toFloatArray();
                        float[] actual = some.get(j).toFloatArray();
                        for (int i = 0; i < expected.length; i++) {
                            assertEquals(expected[i], actual[i], 1e-5, "column " + j + ", depth " + config.get(DEPTH)
                                    + (mask == null ? "" : ", query mask"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void outputShapesFollowTheColumnWidths() {
        Engine engine = Engines.pytorch();
        try (GradMode off = GradMode.disabled(); NDManager m = engine.newBaseManager()) {
            NptNetwork net = new NptNetwork(LAYOUT, Fixtures.tiny().build());
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            NDList out = net.forward(new ParameterStore(m, false), randomInputs(m, 5, 2), false);
            assertEquals(3, out.size());
            assertEquals(new Shape(5, 1), out.get(0).getShape());
            assertEquals(new Shape(5, 1), out.get(1).getShape());
            assertEquals(new Shape(5, 3), out.get(2).getShape());
        }
    }

    @Test
    void eachAttentionBlockHasThirteenWSquaredPlusFourteenWParameters() {
        Engine engine = Engines.pytorch();
        try (NDManager m = engine.newBaseManager()) {
            for (int w : new int[] {8, 24}) {
                AttentionBlock block = new AttentionBlock(w, true, Fixtures.tiny().set(HEADS, 2).build());
                block.initialize(m, DataType.FLOAT32, new Shape(1, 3, w));
                assertEquals(13L * w * w + 14L * w, count(block.getParameters()), "w = " + w);
            }
        }
    }

    @Test
    void parameterCountOfTheWholeNetworkMatchesTheReferenceFormula() {
        NptConfig config = Fixtures.tiny().set(DEPTH, 4).set(EMBEDDING_DIM, 8).set(HEADS, 2).build();
        int d = LAYOUT.columnCount();
        int e = 8;
        long abd = 13L * (d * e) * (d * e) + 14L * d * e;
        long aba = 13L * e * e + 14L * e;
        long embedIn = (2 * e + e) + (2 * e + e) + (4 * e + e);
        long embeddings = (long) d * e + 2L * e;
        long heads = (e + 1) + (e + 1) + (3 * e + 3);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NptNetwork net = new NptNetwork(LAYOUT, config);
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            assertEquals(2 * abd + 2 * aba + embedIn + embeddings + heads, count(net.getParameters()));
        }
    }

    @Test
    void initialisationFollowsPyTorchDefaults() {
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(5);
        try (NDManager m = engine.newBaseManager()) {
            AttentionBlock block = new AttentionBlock(64, true, Fixtures.tiny().set(HEADS, 2).build());
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64));
            for (Pair<String, Parameter> p : block.getParameters()) {
                float[] v = p.getValue().getArray().toFloatArray();
                String name = p.getKey();
                if (name.contains("lnQuery") || name.contains("lnFeedForward")) {
                    float expected = name.endsWith("gamma") ? 1f : 0f;
                    for (float x : v) {
                        assertEquals(expected, x, name);
                    }
                } else {
                    int fanIn = name.contains("contract") ? 256 : 64;
                    double bound = 1 / Math.sqrt(fanIn);
                    double max = 0;
                    for (float x : v) {
                        max = Math.max(max, Math.abs(x));
                    }
                    assertTrue(max <= bound && max > 0.8 * bound, name + " max |x| " + max + " bound " + bound);
                }
            }
        }
    }

    @Test
    void withoutAttentionBetweenDatapointsRowsDoNotInfluenceEachOther() {
        NptConfig config = Fixtures.tiny().set(ATTENTION_BETWEEN_DATAPOINTS, false).build();
        try (GradMode off = GradMode.disabled(); NDManager m = Engines.pytorch().newBaseManager()) {
            NptNetwork net = new NptNetwork(LAYOUT, config);
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            NDList a = randomInputs(m, 6, 1);
            NDList b = randomInputs(m, 6, 2);
            for (int j = 0; j < LAYOUT.columnCount(); j++) {
                a.get(j).set(new ai.djl.ndarray.index.NDIndex("0"), b.get(j).get(0));
            }
            float[] outA = net.forward(new ParameterStore(m, false), a, false).get(0).get(0).toFloatArray();
            float[] outB = net.forward(new ParameterStore(m, false), b, false).get(0).get(0).toFloatArray();
            assertArrayEquals(outB, outA, 1e-6f, "row 0 is the same in both tables, the other rows differ");
        }
    }

    @Test
    void recordedAttentionIsOneRowStochasticMapPerAbdLayer() {
        NptConfig config = Fixtures.tiny().set(DEPTH, 4).set(HEADS, 2).build();
        try (GradMode off = GradMode.disabled(); NDManager m = Engines.pytorch().newBaseManager()) {
            NptNetwork net = new NptNetwork(LAYOUT, config);
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            PairList<String, Object> params = new PairList<>();
            params.add(AttentionBlock.RECORD_ATTENTION, true);
            NDList out = net.forward(new ParameterStore(m, false), randomInputs(m, 7, 1), false, params);
            assertEquals(LAYOUT.columnCount() + 2, out.size());
            for (int l = 0; l < 2; l++) {
                NDArray a = out.get(LAYOUT.columnCount() + l);
                assertEquals(new Shape(2, 7, 7), a.getShape());
                float[] rowSums = a.sum(new int[] {2}).toFloatArray();
                for (float s : rowSums) {
                    assertEquals(1f, s, 1e-5f);
                }
            }
        }
    }

    private static long count(PairList<String, Parameter> params) {
        long n = 0;
        for (Pair<String, Parameter> p : params) {
            n += p.getValue().getArray().size();
        }
        return n;
    }
}
