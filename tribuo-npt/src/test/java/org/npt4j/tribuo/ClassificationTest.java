package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.inference.NptModel;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.test.Helpers;

/** NPT in Tribuo's classification workflow: evaluation with AUC, serialization, provenance, CV, threads. */
class ClassificationTest {

    private static Dataset<Label> train;
    private static Dataset<Label> test;
    private static NptTribuoModel<Label> model;

    @BeforeAll
    static void trainOnce() {
        MutableDataset<Label> data = TribuoFixtures.breastCancer(360);
        TrainTest<Label> split = TrainTest.split(data, 0.7, 1L);
        train = split.train();
        test = split.test();
        model = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 40).build()).train(train);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void evaluatesWithProbabilitiesAndAuc() {
        assertTrue(model.generatesProbabilities());
        LabelEvaluation eval = new LabelEvaluator().evaluate(model, test);
        assertTrue(eval.accuracy() > 0.85, "accuracy " + eval.accuracy());
        assertTrue(eval.AUCROC(new Label("M")) > 0.9, "AUC " + eval.AUCROC(new Label("M")));
        Prediction<Label> p = model.predict(test.getExample(0));
        assertEquals(1.0, p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum(), 1e-5);
        assertEquals(test.getExample(0).size(), p.getNumActiveFeatures());
    }

    /** A prediction depends on the training rows only, not on the other examples of the batch. */
    @Test
    void batchAndSinglePredictionsAgree() {
        List<Prediction<Label>> batch = model.predict(test);
        for (int i = 0; i < 5; i++) {
            Prediction<Label> single = model.predict(test.getExample(i));
            assertEquals(single.getOutput().getLabel(), batch.get(i).getOutput().getLabel());
            assertEquals(single.getOutput().getScore(), batch.get(i).getOutput().getScore(), 1e-5);
        }
    }

    @Test
    void protobufAndJavaSerializationGiveTheSameModel() {
        Model<Label> fromProto = Helpers.testModelProtoSerialization(model, Label.class, test);
        assertTrue(fromProto instanceof NptTribuoModel);
        Helpers.testModelSerialization(model, Label.class);
    }

    @Test
    void provenanceRecordsEngineDeviceAndSeedAndMarshals() {
        Helpers.testProvenanceMarshalling(model.getProvenance());
        Map<String, ? extends Provenance> instance = model.getProvenance().getInstanceProvenance().getMap();
        assertTrue(((StringProvenance) instance.get("npt-device")).getValue().startsWith("cpu"), instance.toString());
        // The versions the build declares (the cuda profile's differ), passed in by surefire.
        assertEquals(System.getProperty("npt4j.pytorch.version", "2.7.1"), ((StringProvenance) instance.get("pytorch-version")).getValue(),
                instance.toString());
        assertEquals(System.getProperty("npt4j.djl.version", "0.36.0"), ((StringProvenance) instance.get("djl-version")).getValue(),
                instance.toString());
        assertTrue(instance.containsKey("npt-seed"));
        assertEquals(NptClassificationTrainer.class.getName(), model.getProvenance().getTrainerProvenance().getClassName());
    }

    @Test
    void worksInsideTribuoEnsembles() {
        BaggingTrainer<Label> bagging = new BaggingTrainer<>(
                new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 40).build()), new VotingCombiner(), 2, 3L);
        Model<Label> ensemble = bagging.train(train);
        assertTrue(new LabelEvaluator().evaluate(ensemble, test).accuracy() > 0.7);
        Helpers.testModelProtoSerialization(ensemble, Label.class, test);
    }

    @Test
    void eightThreadsPredictTheSame() throws Exception {
        List<Prediction<Label>> expected = model.predict(test);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction<Label>>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> model.predict(test)));
            }
            for (Future<List<Prediction<Label>>> f : futures) {
                List<Prediction<Label>> got = f.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).getOutputScores(), got.get(i).getOutputScores());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void crossValidationRunsAndFoldModelsGiveBackNativeMemory() throws InterruptedException {
        System.setProperty(NptModel.IDLE_RELEASE_PROPERTY, "300");
        try {
            CrossValidation<Label, LabelEvaluation> cv = new CrossValidation<>(
                    new NptClassificationTrainer(TribuoFixtures.tiny().build()), train, new LabelEvaluator(), 3, 5L);
            List<com.oracle.labs.mlrg.olcut.util.Pair<LabelEvaluation, Model<Label>>> folds = cv.evaluate();
            assertEquals(3, folds.size());
            for (var fold : folds) {
                assertTrue(fold.getA().accuracy() > 0.7, "fold accuracy " + fold.getA().accuracy());
            }
            long deadline = System.nanoTime() + 15_000_000_000L;
            boolean held = true;
            while (held && System.nanoTime() < deadline) {
                Thread.sleep(100);
                held = folds.stream().anyMatch(f -> ((NptTribuoModel<Label>) f.getB()).holdsNativeMemory());
            }
            assertFalse(held, "fold models kept after evaluation free their native memory once idle");
        } finally {
            System.clearProperty(NptModel.IDLE_RELEASE_PROPERTY);
        }
    }
}
