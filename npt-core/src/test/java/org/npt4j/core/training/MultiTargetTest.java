package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.inference.AttentionMaps;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** Several targets of both kinds in one model, and the attention API's shape. */
class MultiTargetTest {

    @Test
    void oneCategoricalAndOneNumericalTargetArePredictedTogether() {
        Table rings = Fixtures.rings(80, 1);
        double[] radius = new double[80];
        for (int i = 0; i < 80; i++) {
            double x1 = ((org.npt4j.core.table.NumericColumn) rings.column("x1")).get(i);
            double x2 = ((org.npt4j.core.table.NumericColumn) rings.column("x2")).get(i);
            radius[i] = Math.hypot(x1, x2);
        }
        Table t = Table.builder().add(rings.column("x1")).add(rings.column("x2")).add(rings.column("label"))
                .numeric("radius", radius).build();
        RowRole[] roles = Fixtures.roles(80, RowRole.TRAIN);
        roles[79] = RowRole.VALIDATION;
        try (NptModel m = new NptTrainer(Fixtures.tiny().set(STEPS, 10).build()).fit(t, List.of("label", "radius"), roles)) {
            Predictions p = m.predict(t.selectRows(new int[] {0, 1, 2}).withoutColumns(List.of("label", "radius")));
            assertEquals(List.of("label", "radius"), p.targets());
            assertEquals(3, p.classes("label").rowCount());
            assertEquals(List.of("inner", "outer"), p.classes("label").categories());
            assertTrue(Double.isFinite(p.values("radius").value(2)));
        }
    }

    @Test
    void attentionCoversEveryAbdLayerHeadAndContextRow() {
        Table t = Fixtures.rings(40, 1);
        try (NptModel m = new NptTrainer(Fixtures.tiny().set(STEPS, 3).set(DEPTH, 4).set(VALIDATION_FRACTION, 0.0).build()).fit(t, "label")) {
            AttentionMaps a = m.attention(Fixtures.rings(6, 2));
            assertEquals(6, a.rowCount());
            assertEquals(2, a.layers());
            assertEquals(2, a.heads());
            assertEquals(40, a.contextRows());
            for (int r = 0; r < 6; r++) {
                double sum = 0;
                for (double w : a.meanOverLayersAndHeads(r)) {
                    assertTrue(w >= 0);
                    sum += w;
                }
                assertTrue(sum > 0.5 && sum <= 1.0 + 1e-6, "weights over the context sum to at most 1: " + sum);
            }
            int[] top = AttentionMaps.topK(a.meanOverHeads(0, 1), 3);
            assertEquals(3, top.length);
        }
    }
}
