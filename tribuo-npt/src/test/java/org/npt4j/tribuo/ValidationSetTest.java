package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npt4j.core.training.TrainingProgress;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Training with a validation set chosen by the caller, the paper protocol's route. */
class ValidationSetTest {

    @Test
    void theGivenValidationRowsPickTheCheckpointAndJoinTheContext() {
        TrainTest<Label> split = TrainTest.split(TribuoFixtures.breastCancer(200), 0.75, 3L);
        MutableDataset<Label> train = split.train();
        MutableDataset<Label> validation = split.test();
        List<TrainingProgress> steps = new ArrayList<>();
        NptClassificationTrainer trainer = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 10).build());
        try (NptTribuoModel<Label> model = trainer.train(train, validation, Map.of(), steps::add)) {
            assertEquals(10, steps.size(), "the listener hears every step");
            assertTrue(steps.stream().anyMatch(TrainingProgress::evaluated), "validation was evaluated");
            // Without a validation set NPT would have held out validationFraction of train instead.
            assertEquals(train.size() + validation.size(), model.contextSize());
            assertTrue(model.getProvenance().getInstanceProvenance().getMap().containsKey("npt-validation-data"));
            assertEquals(1, trainer.getInvocationCount());
        }
    }

    @Test
    void anEmptyValidationSetIsRefused() {
        MutableDataset<Label> train = TribuoFixtures.breastCancer(40);
        MutableDataset<Label> empty = new MutableDataset<>(new ListDataSource<>(List.of(), new LabelFactory(),
                new SimpleDataSourceProvenance("empty", new LabelFactory())));
        NptClassificationTrainer trainer = new NptClassificationTrainer(TribuoFixtures.tiny().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(train, empty, Map.of(), null));
        assertTrue(e.getMessage().contains("validation dataset is empty"), e.getMessage());
    }
}
