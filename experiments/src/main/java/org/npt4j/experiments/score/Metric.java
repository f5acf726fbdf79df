package org.npt4j.experiments.score;

import java.io.Serializable;
import java.util.List;

/**
 * A score reported per fold and summarised as mean ± standard error.
 *
 * @param name the column name in tables and files
 * @param higherIsBetter which way is better, for marking the best trainer
 */
public record Metric(String name, boolean higherIsBetter) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Share of test rows whose most probable class is the true one. */
    public static final Metric ACCURACY = new Metric("accuracy", true);
    /** Area under the ROC curve; for more than two classes, the unweighted mean of one-vs-rest AUROCs. */
    public static final Metric AUROC = new Metric("AUROC", true);
    /** Mean negative log-probability of the true class, with probabilities clipped at 1e-15. */
    public static final Metric LOG_LOSS = new Metric("log-loss", false);
    /** Root mean squared error. */
    public static final Metric RMSE = new Metric("RMSE", false);
    /** Mean absolute error. */
    public static final Metric MAE = new Metric("MAE", false);
    /** Coefficient of determination. */
    public static final Metric R2 = new Metric("R2", true);
    /** Wall-clock training time of one fold, in seconds. */
    public static final Metric TRAIN_SECONDS = new Metric("train s", false);
    /** Wall-clock prediction time over the fold's test rows, per row, in milliseconds. */
    public static final Metric PREDICT_MS_PER_ROW = new Metric("predict ms/row", false);

    /**
     * @param task the task
     * @return the quality metrics for that task, in display order
     */
    public static List<Metric> forTask(Task task) {
        return task == Task.CLASSIFICATION ? List.of(ACCURACY, AUROC, LOG_LOSS) : List.of(RMSE, MAE, R2);
    }

    /** @return the timing metrics every experiment reports */
    public static List<Metric> timings() {
        return List.of(TRAIN_SECONDS, PREDICT_MS_PER_ROW);
    }

    /** @return the name as a CSV header or file-name part: lower case, no spaces or slashes */
    public String key() {
        return name.toLowerCase(java.util.Locale.ROOT).replace("/", "_per_").replace(' ', '_').replace('-', '_');
    }
}
