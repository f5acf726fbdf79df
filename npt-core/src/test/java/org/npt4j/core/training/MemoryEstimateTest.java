package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npt4j.core.Settings.ATTENTION_BETWEEN_DATAPOINTS;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.FEATURE_INDEX_EMBEDDING;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.RFF_EXPANSION;
import static org.npt4j.core.Settings.STEPS;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.model.NptNetwork;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** The analytic parameter count is the network's, and the memory model gives the benchmarks' figures. */
class MemoryEstimateTest {

    /** Numerical, a 3-class and a 5-class categorical column: H = 2, 4, 6, and both types. */
    private static final ColumnLayout MIXED = new ColumnLayout(new int[] {2, 4, 6, 2}, new boolean[] {false, true, true, false});
    /** Numerical columns only: no type embedding. */
    private static final ColumnLayout NUMERICAL = new ColumnLayout(new int[] {2, 2, 2}, new boolean[3]);

    @Test
    void countEqualsTheBuiltNetworkForSeveralConfigurations() {
        NptConfig base = Fixtures.tiny().build();
        NptConfig deep = Fixtures.tiny().set(DEPTH, 4).set(EMBEDDING_DIM, 8).set(HEADS, 4).build();
        // The ablation drops Q, K and the query LayerNorm of ABD blocks; no index embedding either.
        NptConfig ablated = Fixtures.tiny().set(ATTENTION_BETWEEN_DATAPOINTS, false).set(FEATURE_INDEX_EMBEDDING, false)
                .set(RFF_EXPANSION, 2).build();
        for (ColumnLayout layout : List.of(MIXED, NUMERICAL)) {
            for (NptConfig config : List.of(base, deep, ablated)) {
                assertEquals(built(layout, config), MemoryEstimate.parameterCount(layout, config), layout + " " + config);
            }
        }
    }

    @Test
    void countEqualsWhatAFitReportsForATableWithCategoricalColumns() {
        Table rings = Fixtures.rings(40, 1);
        NptConfig config = Fixtures.tiny().set(STEPS, 1).build();
        RowRole[] roles = Fixtures.roles(40, RowRole.TRAIN);
        try (NptModel model = new NptTrainer(config).fit(rings, List.of("label"), roles)) {
            assertEquals(model.summary().parameterCount(), MemoryEstimate.parameterCount(model.schema(), config));
        }
    }

    @Test
    void breastCancerAtThePaperSettingsGivesTheBenchmarksFigures() {
        // benchmarks/RESULTS.md, bc-paper: 569 rows x 31 columns (one of them the 2-class target),
        // e=32, 8 layers, 8 heads, full batch: 51,287,040 parameters, 1,642 MB estimated, 3,132 MB peak RSS.
        int[] widths = new int[31];
        Arrays.fill(widths, 2);
        widths[30] = 3;
        boolean[] categorical = new boolean[31];
        categorical[30] = true;
        ColumnLayout layout = new ColumnLayout(widths, categorical);
        NptConfig paper = NptConfig.builder().set(EMBEDDING_DIM, 32).set(DEPTH, 8).set(HEADS, 8).build();
        long parameters = MemoryEstimate.parameterCount(layout, paper);
        assertEquals(51_287_040L, parameters);
        double mebibytes = MemoryEstimate.trainingStepBytes(31, paper, 569, parameters) / (1024.0 * 1024.0);
        assertEquals(1642, Math.round(mebibytes));
    }

    private static long built(ColumnLayout layout, NptConfig config) {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NptNetwork net = new NptNetwork(layout, config);
            net.initialize(m, DataType.FLOAT32, net.inputShapes(1));
            long n = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                n += p.getValue().getArray().size();
            }
            return n;
        }
    }
}
