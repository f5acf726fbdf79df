package org.npt4j.experiments.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * Scores a fold's predictions with Tribuo's own evaluators, so the numbers are the ones a Tribuo
 * user would compute; log-loss, which Tribuo lacks, is added here. A metric a model cannot support
 * (AUROC without probabilities) is NaN, not an error.
 */
public final class Scorer {

    private static final double PROBABILITY_FLOOR = 1e-15;

    private Scorer() {}

    /**
     * @param task the experiment's task, which decides the metrics
     * @param model the fold's model
     * @param test the fold's test rows
     * @param predictions the model's predictions on them, in order
     * @return the task's quality metrics, in display order; NaN where the model cannot give one
     */
    @SuppressWarnings("unchecked")
    public static Map<Metric, Double> score(Task task, Model<?> model, Dataset<?> test, List<? extends Prediction<?>> predictions) {
        return task == Task.CLASSIFICATION
                ? classification((Model<Label>) model, (Dataset<Label>) test, (List<Prediction<Label>>) predictions)
                : regression((Model<Regressor>) model, (Dataset<Regressor>) test, (List<Prediction<Regressor>>) predictions);
    }

    private static Map<Metric, Double> classification(Model<Label> model, Dataset<Label> test, List<Prediction<Label>> predictions) {
        LabelEvaluation e = new LabelEvaluator().evaluate(model, predictions, test.getProvenance());
        Map<Metric, Double> out = new LinkedHashMap<>();
        out.put(Metric.ACCURACY, e.accuracy());
        out.put(Metric.AUROC, model.generatesProbabilities() ? auroc(e, test) : Double.NaN);
        out.put(Metric.LOG_LOSS, model.generatesProbabilities() ? logLoss(predictions) : Double.NaN);
        return out;
    }

    private static double auroc(LabelEvaluation e, Dataset<Label> test) {
        try {
            // The two one-vs-rest curves of a binary task are the same curve; average over classes in general.
            return e.averageAUCROC(false);
        } catch (IllegalArgumentException | IllegalStateException noPositives) {
            // A fold without some class has no ROC curve for it.
            return Double.NaN;
        }
    }

    static double logLoss(List<Prediction<Label>> predictions) {
        double sum = 0;
        for (Prediction<Label> p : predictions) {
            Label truth = p.getExample().getOutput();
            Label scored = p.getOutputScores().get(truth.getLabel());
            double probability = scored == null ? 0 : scored.getScore();
            sum -= Math.log(Math.max(PROBABILITY_FLOOR, Math.min(1, probability)));
        }
        return sum / predictions.size();
    }

    private static Map<Metric, Double> regression(Model<Regressor> model, Dataset<Regressor> test,
            List<Prediction<Regressor>> predictions) {
        RegressionEvaluation e = new RegressionEvaluator().evaluate(model, predictions, test.getProvenance());
        Map<Metric, Double> out = new LinkedHashMap<>();
        out.put(Metric.RMSE, e.averageRMSE());
        out.put(Metric.MAE, e.averageMAE());
        out.put(Metric.R2, e.averageR2());
        return out;
    }
}
