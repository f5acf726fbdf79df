package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.SEED;

import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.RowWeightChecks;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.WeightedExamples;
import org.tribuo.classification.Label;

/**
 * Example weights reach NPT's loss: the trainers declare {@link WeightedExamples}, examples of
 * weight 1 train exactly as the core does without weights, and weight 2 trains like a second copy of
 * the example.
 */
class ExampleWeightsTest {

    @Test
    void bothTrainersDeclareThatTheyUseExampleWeights() {
        assertInstanceOf(WeightedExamples.class, new NptClassificationTrainer(TribuoFixtures.tiny().build()));
        assertInstanceOf(WeightedExamples.class, new NptRegressionTrainer(TribuoFixtures.tiny().build()));
    }

    @Test
    void examplesOfWeightOneTrainBitForBitAsTheCoreWithoutWeights() {
        MutableDataset<Label> data = TableDatasets.classification(Fixtures.rings(60, 3), "label", "rings");
        MutableDataset<Label> test = TableDatasets.classification(Fixtures.rings(20, 4), "label", "rings-test");
        NptClassificationTrainer trainer = new NptClassificationTrainer(TribuoFixtures.tiny().set(SEED, 5L).build());
        try (NptTribuoModel<Label> model = trainer.train(data)) {
            long nptSeed = ((LongProvenance) model.getProvenance().getInstanceProvenance().getMap().get("npt-seed")).getValue();
            TribuoTable<Label> rows = TribuoTable.of(data, null, OutputColumns.forDomain(data.getOutputIDInfo()), "@", false);
            assertTrue(rows.table().isWeighted(), "the trainer passes the examples' weights, all 1 here");
            NptConfig config = trainer.nptConfig().toBuilder().set(SEED, nptSeed).build();
            try (NptModel unweighted = new NptTrainer(config).fit(rows.table().withoutRowWeights(), List.of(LabelColumns.TARGET),
                    rows.roles())) {
                Table.Builder testRows = Table.builder();
                model.featureLayout().addColumns(testRows, test.getData());
                ClassPredictions expected = unweighted.predict(testRows.build()).classes(LabelColumns.TARGET);
                List<Prediction<Label>> actual = model.predict(test);
                for (int i = 0; i < actual.size(); i++) {
                    for (int k = 0; k < expected.categories().size(); k++) {
                        String label = expected.categories().get(k);
                        assertEquals(expected.probabilities(i)[k], actual.get(i).getOutputScores().get(label).getScore(), 0.0,
                                "example " + i + ", " + label);
                    }
                }
            }
        }
    }

    @Test
    void weightTwoTrainsLikeASecondCopyOfTheExample() throws Exception {
        RowWeightChecks.Comparison c = RowWeightChecks.weightTwoVersusCopy((train, test, seed) -> {
            NptConfig config = RowWeightChecks.settings(TribuoFixtures.tiny()).set(SEED, seed).build();
            try (NptTribuoModel<Label> model = new NptClassificationTrainer(config)
                    .train(TableDatasets.classification(train, RowWeightChecks.TARGET, "train"))) {
                return model.predict(TableDatasets.classification(test, RowWeightChecks.TARGET, "test")).stream()
                        .mapToDouble(p -> p.getOutputScores().get("b").getScore()).toArray();
            }
        });
        System.out.println("Tribuo, weight 2 against a copy: " + c);
        c.assertWeightActsLikeACopy();
    }
}
