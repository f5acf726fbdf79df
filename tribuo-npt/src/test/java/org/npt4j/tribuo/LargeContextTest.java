package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * With the shipped defaults and a context of more than 2,000 rows (more than a batch), Tribuo's
 * single-example and batch predictions agree: a prediction depends on its own example alone.
 */
class LargeContextTest {

    @Test
    void singleAndBatchPredictionsAgreeBeyondOneBatchOfContext() {
        MutableDataset<Label> train = TableDatasets.classification(Fixtures.rings(2100, 4), "label", "rings");
        List<Example<Label>> test = new ArrayList<>(TableDatasets.classification(Fixtures.rings(300, 8), "label", "test").getData());
        NptConfig defaults = NptConfig.builder(Preset.CPU_FAST).set(STEPS, 2).build();
        try (NptTribuoModel<Label> model = new NptClassificationTrainer(defaults).train(train, Map.of())) {
            List<Prediction<Label>> batch = model.predict(test);
            List<Example<Label>> shuffled = new ArrayList<>(test);
            Collections.shuffle(shuffled, new Random(2));
            List<Prediction<Label>> permuted = model.predict(shuffled);
            for (int i = 0; i < test.size(); i += 23) {
                double expected = batch.get(i).getOutputScores().get("inner").getScore();
                double alone = model.predict(test.get(i)).getOutputScores().get("inner").getScore();
                assertEquals(expected, alone, 1e-6, "example " + i + " alone");
                int j = shuffled.indexOf(test.get(i));
                assertEquals(expected, permuted.get(j).getOutputScores().get("inner").getScore(), 1e-6, "example " + i + " shuffled");
            }
        }
    }
}
