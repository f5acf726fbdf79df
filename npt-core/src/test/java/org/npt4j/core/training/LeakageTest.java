package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TARGET_MASK_PROBABILITY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** Test labels never reach the model: changing them leaves every prediction bit-identical. */
class LeakageTest {

    private static final int N = 90;
    private static final int FIRST_TEST = 70;

    private static RowRole[] roles() {
        RowRole[] roles = Fixtures.roles(N, RowRole.TRAIN);
        for (int i = FIRST_TEST; i < N; i++) {
            roles[i] = RowRole.TEST;
        }
        return roles;
    }

    private static Table withTestLabels(Table table, String target, java.util.function.IntFunction<Object> label) {
        Table.Builder b = Table.builder();
        for (Column c : table.columns()) {
            if (!c.name().equals(target)) {
                b.add(c);
            } else if (c instanceof CategoricalColumn cat) {
                String[] v = cat.values();
                for (int i = FIRST_TEST; i < N; i++) {
                    v[i] = (String) label.apply(i);
                }
                b.categorical(target, v);
            } else {
                double[] v = ((NumericColumn) c).values();
                for (int i = FIRST_TEST; i < N; i++) {
                    v[i] = (Double) label.apply(i);
                }
                b.numeric(target, v);
            }
        }
        return b.build();
    }

    private static int[] testRows() {
        return java.util.stream.IntStream.range(FIRST_TEST, N).toArray();
    }

    @Test
    void changingTestLabelsChangesNoClassPrediction() {
        // Stochastic target masking is where training labels are inputs, so it is the mode to check.
        NptConfig config = Fixtures.tiny().set(STEPS, 15).set(TARGET_MASK_PROBABILITY, 0.5).build();
        Table original = Fixtures.rings(N, 4);
        Table flipped = withTestLabels(original, "label", i -> i % 3 == 0 ? "outer" : "inner");
        Table unseen = withTestLabels(original, "label", i -> i % 2 == 0 ? "never-seen" : null);
        double[][] expected;
        try (NptModel a = new NptTrainer(config).fit(original, List.of("label"), roles())) {
            expected = a.predict(original.selectRows(testRows())).classes("label").probabilities();
            double[][] queriedWithOtherLabels = a.predict(flipped.selectRows(testRows())).classes("label").probabilities();
            assertArrayEquals(expected, queriedWithOtherLabels, "labels of the rows being predicted are ignored");
        }
        for (Table variant : List.of(flipped, unseen)) {
            try (NptModel b = new NptTrainer(config).fit(variant, List.of("label"), roles())) {
                assertArrayEquals(expected, b.predict(original.selectRows(testRows())).classes("label").probabilities());
            }
        }
    }

    @Test
    void changingTestTargetsChangesNoRegressionPrediction() {
        NptConfig config = Fixtures.tiny().set(STEPS, 15).set(TARGET_MASK_PROBABILITY, 0.5).build();
        Table original = Fixtures.wave(N, 4);
        Table shifted = withTestLabels(original, "y", i -> 1000.0 + i);
        Table query = original.selectRows(testRows()).withoutColumns(List.of("y"));
        try (NptModel a = new NptTrainer(config).fit(original, List.of("y"), roles());
                NptModel b = new NptTrainer(config).fit(shifted, List.of("y"), roles())) {
            assertArrayEquals(a.predict(query).values("y").values(), b.predict(query).values("y").values());
        }
    }
}
