package org.npt4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.npt4j.core.encoding.NumericalEncoder;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.inference.TrainingSummary;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Trains npt4j once on the reference's split, as the reference does: one full-batch fit over the
 * whole table, the validation and test rows' features in training and their targets hidden, the
 * weights of the best validation target loss kept. The test rows are then predicted jointly, in
 * one pass with the training and validation rows (the model's context) in which they attend to one
 * another too: the reference's evaluation of the same 569 or 506 rows.
 */
final class ParityTrainer {

    /**
     * One seed's outcome.
     *
     * @param seed the seed
     * @param keptStep the step whose weights were kept
     * @param bestValidationLoss the validation target loss there: cross-entropy, or MSE in standardised units
     * @param validationRmse sqrt(bestValidationLoss) × the target's fitted std, in the target's units; NaN for a class
     * @param testAccuracy test accuracy; NaN for regression
     * @param testAuroc test AUROC of the positive class; NaN for regression
     * @param testRmse test RMSE in the target's units; NaN for a class
     * @param trainingSeconds wall time of the training loop (the trainer's own measure)
     * @param evaluatedSteps the steps at which the validation loss was evaluated
     * @param validationLosses the validation target loss at each of them
     */
    record SeedResult(long seed, int keptStep, double bestValidationLoss, double validationRmse, double testAccuracy,
            double testAuroc, double testRmse, double trainingSeconds, int[] evaluatedSteps, double[] validationLosses) {}

    private ParityTrainer() {}

    /**
     * @param c the data set and its settings
     * @param table its whole table, in file order
     * @param splits the reference's split of it
     * @param seed the seed
     * @param steps the steps to train
     * @param log receives a progress line every evaluation
     * @return the outcome
     */
    static SeedResult run(ParityCase c, Table table, ParitySplits splits, long seed, int steps, Consumer<String> log) {
        List<Integer> evaluated = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        NptTrainer trainer = new NptTrainer(c.config(seed, steps), p -> {
            if (p.evaluated()) {
                evaluated.add(p.step());
                losses.add(p.validationLoss());
                log.accept(c.title() + " seed " + seed + ": " + p.format());
            }
        });
        try (NptModel model = trainer.fit(table, c.targets(), splits.roles(table.rowCount()))) {
            TrainingSummary summary = model.summary();
            Table test = table.selectRows(splits.test());
            // The targets are dropped before prediction so that no path could read them.
            Predictions predictions = model.predictJointly(test.withoutColumns(c.targets()));
            double accuracy = Double.NaN;
            double auroc = Double.NaN;
            double testRmse = Double.NaN;
            double validationRmse = Double.NaN;
            if (c.classification()) {
                ClassPredictions classes = predictions.classes(c.target());
                String[] truth = ((CategoricalColumn) test.column(c.target())).values();
                int positive = classes.categories().indexOf(c.positiveClass());
                String[] labels = new String[truth.length];
                double[] scores = new double[truth.length];
                boolean[] isPositive = new boolean[truth.length];
                for (int i = 0; i < truth.length; i++) {
                    labels[i] = classes.label(i);
                    scores[i] = classes.probabilities(i)[positive];
                    isPositive[i] = c.positiveClass().equals(truth[i]);
                }
                accuracy = ParityMetrics.accuracy(labels, truth);
                auroc = ParityMetrics.auroc(scores, isPositive);
            } else {
                double[] truth = ((NumericColumn) test.column(c.target())).values();
                testRmse = ParityMetrics.rmse(predictions.values(c.target()).values(), truth);
                // The validation loss is an MSE in standardised units: back to $1000 through the fitted std.
                NumericalEncoder encoder = (NumericalEncoder) model.schema().column(model.schema().indexOf(c.target())).encoder();
                validationRmse = Math.sqrt(summary.bestValidationLoss()) * encoder.std();
            }
            return new SeedResult(seed, summary.bestStep(), summary.bestValidationLoss(), validationRmse, accuracy, auroc, testRmse,
                    summary.trainingMillis() / 1000.0, evaluated.stream().mapToInt(Integer::intValue).toArray(),
                    losses.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
