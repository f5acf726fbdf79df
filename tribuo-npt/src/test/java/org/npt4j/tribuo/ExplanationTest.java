package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.LookupTask;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * On the lookup task (noise targets that only a duplicate row reveals), the explanation of a row's
 * prediction names its duplicate among the training rows first.
 */
class ExplanationTest {

    private static final int PAIRS = LookupTask.PAIRS;
    private static final String DIMENSION = "y";

    private static Example<Regressor> example(float[][] cells, int row) {
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < LookupTask.FEATURES; j++) {
            features.add(new Feature("x" + j, cells[j][row]));
        }
        return new ArrayExample<>(new Regressor(DIMENSION, cells[LookupTask.FEATURES][row]), features);
    }

    @Test
    void explanationsPutTheDuplicateRowFirst() {
        // The lookup skill needs fresh data every step, which only the core's training loop offers;
        // the Tribuo model then wraps the trained weights with duplicates as its training rows.
        NptModel trained = LookupTask.train(true, OutputColumns.PREFIX + ":" + DIMENSION);
        float[][] cells = LookupTask.pairs(new SplittableRandom(123));
        List<Example<Regressor>> context = new ArrayList<>();
        for (int i = PAIRS; i < 2 * PAIRS; i++) {
            context.add(example(cells, i));
        }
        MutableDataset<Regressor> data = TribuoFixtures.dataset(context, new RegressionFactory(), "duplicates");
        List<String> names = new ArrayList<>();
        for (int id = 0; id < data.getFeatureIDMap().size(); id++) {
            names.add(data.getFeatureIDMap().get(id).getName());
        }
        FeatureLayout layout = FeatureLayout.infer(names, data, "@", false);
        OutputColumns<Regressor> outputs = OutputColumns.forDomain(data.getOutputIDInfo());
        Table.Builder table = Table.builder();
        layout.addColumns(table, context);
        outputs.addTargets(table, context);
        NptModel npt = trained.withContext(table.build());
        ModelProvenance provenance = new ModelProvenance(NptTribuoModel.class.getName(), OffsetDateTime.now(),
                data.getProvenance(), new NptRegressionTrainer(NptConfig.of(Preset.CPU_FAST)).getProvenance());
        try (NptTribuoModel<Regressor> model = new NptTribuoModel<>("lookup", provenance, data.getFeatureIDMap(),
                data.getOutputIDInfo(), layout, npt)) {
            int first = 0;
            for (int i = 0; i < PAIRS; i++) {
                NeighbourExplanation<Regressor> e = model.explain(example(cells, i), 3);
                assertEquals(3, e.neighbours().size());
                AttendedRow<Regressor> top = e.neighbours().get(0);
                assertTrue(top.weight() >= e.neighbours().get(1).weight());
                if (top.trainingIndex() == i) {
                    first++;
                    // The neighbour is the duplicate as a Tribuo example: same features, same (noise) output.
                    assertEquals(cells[LookupTask.FEATURES][i], top.row().getOutput().getValues()[0], 1e-6);
                    assertEquals(cells[0][i], top.row().lookup("x0").getValue(), 1e-6);
                }
            }
            assertTrue(first >= 0.9 * PAIRS, "the duplicate comes first for " + first + " of " + PAIRS + " rows");
        }
    }
}
