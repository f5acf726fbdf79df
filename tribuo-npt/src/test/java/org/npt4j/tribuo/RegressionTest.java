package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.test.Helpers;

/** NPT in Tribuo's regression workflow, including multi-dimensional regressors predicted jointly. */
class RegressionTest {

    @Test
    void crossValidatesOnBostonWithItsCategoricalColumnsRegrouped() {
        MutableDataset<Regressor> data = TribuoFixtures.boston(240);
        CrossValidation<Regressor, RegressionEvaluation> cv = new CrossValidation<>(
                new NptRegressionTrainer(TribuoFixtures.tiny().set(STEPS, 40).build()), data, new RegressionEvaluator(), 3, 9L);
        List<com.oracle.labs.mlrg.olcut.util.Pair<RegressionEvaluation, Model<Regressor>>> folds = cv.evaluate();
        Regressor medv = new Regressor("MEDV", Double.NaN);
        for (var fold : folds) {
            // MEDV has a standard deviation of about 9; the mean predictor's RMSE.
            assertTrue(fold.getA().rmse(medv) < 7.5, "fold RMSE " + fold.getA().rmse(medv));
            NptTribuoModel<Regressor> model = (NptTribuoModel<Regressor>) fold.getB();
            assertEquals(List.of("CHAS", "RAD"), model.featureLayout().categoricalColumns());
            assertFalse(model.generatesProbabilities());
            model.close();
        }
    }

    @Test
    void predictsEveryDimensionJointlyAndSerializes() {
        TrainTest<Regressor> split = TrainTest.split(TribuoFixtures.bostonTwoDimensions(200), 0.75, 2L);
        MutableDataset<Regressor> train = split.train();
        MutableDataset<Regressor> test = split.test();
        try (NptTribuoModel<Regressor> model = new NptRegressionTrainer(TribuoFixtures.tiny().set(STEPS, 40).build()).train(train)) {
            Prediction<Regressor> p = model.predict(test.getExample(0));
            assertArrayEquals(new String[] {"LSTAT", "MEDV"}, p.getOutput().getNames());
            RegressionEvaluation eval = new RegressionEvaluator().evaluate(model, test);
            assertTrue(eval.rmse(new Regressor("LSTAT", Double.NaN)) < 6.5, eval.toString());
            assertTrue(eval.rmse(new Regressor("MEDV", Double.NaN)) < 8.0, eval.toString());
            Helpers.testModelProtoSerialization(model, Regressor.class, test);
            Helpers.testModelSerialization(model, Regressor.class);
        }
    }
}
