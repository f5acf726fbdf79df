package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/** NPT learns small nonlinear tasks: held-out accuracy and error well beyond a constant predictor. */
class LearningTest {

    @Test
    void separatesRingsItCannotSplitLinearly() {
        Table train = Fixtures.rings(160, 1);
        Table test = Fixtures.rings(60, 2);
        NptConfig config = Fixtures.tiny().set(STEPS, 200).build();
        try (NptModel model = new NptTrainer(config).fit(train, "label")) {
            ClassPredictions p = model.predict(test.withoutColumns(List.of("label"))).classes("label");
            CategoricalColumn truth = (CategoricalColumn) test.column("label");
            long correct = IntStream.range(0, 60).filter(i -> p.categories().get(p.classIndex(i)).equals(truth.get(i))).count();
            double accuracy = correct / 60.0;
            assertTrue(accuracy >= 0.9, "accuracy " + accuracy);
        }
    }

    @Test
    void fitsASmoothNonlinearFunction() {
        Table all = Fixtures.wave(220, 3);
        int[] trainRows = IntStream.range(0, 180).toArray();
        int[] testRows = IntStream.range(180, 220).toArray();
        NptConfig config = Fixtures.tiny().set(STEPS, 200).build();
        try (NptModel model = new NptTrainer(config).fit(all.selectRows(trainRows), "y")) {
            Table test = all.selectRows(testRows);
            double[] predicted = model.predict(test).values("y").values();
            double[] truth = ((NumericColumn) test.column("y")).values();
            double mean = Arrays.stream(truth).average().orElseThrow();
            double residual = IntStream.range(0, truth.length).mapToDouble(i -> Math.pow(truth[i] - predicted[i], 2)).sum();
            double total = Arrays.stream(truth).map(v -> (v - mean) * (v - mean)).sum();
            double r2 = 1 - residual / total;
            assertTrue(r2 > 0.85, "R² " + r2);
        }
    }

    @Test
    void semiSupervisedTestRowsAreUsedWithoutTheirLabels() {
        Table all = Fixtures.rings(200, 5);
        RowRole[] roles = Fixtures.roles(200, RowRole.TRAIN);
        for (int i = 150; i < 200; i++) {
            roles[i] = RowRole.TEST;
        }
        try (NptModel model = new NptTrainer(Fixtures.tiny().set(STEPS, 60).build()).fit(all, List.of("label"), roles)) {
            assertTrue(model.summary().testRows() == 50, model.summary().toString());
            assertTrue(model.contextRowCount() == 150, "test rows are not context: " + model.contextRowCount());
        }
    }
}
