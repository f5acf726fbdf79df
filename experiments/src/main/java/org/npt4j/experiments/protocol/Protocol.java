package org.npt4j.experiments.protocol;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import java.util.List;
import org.npt4j.experiments.score.Task;

/**
 * How an experiment divides the rows into folds. Every trainer sees exactly the splits this
 * returns, and they are written out with the results.
 */
public interface Protocol extends Configurable {

    /**
     * @param rows the number of rows in the table
     * @param strata one class index per row for stratified splitting, or null (regression)
     * @return the folds, in order
     * @throws IllegalArgumentException if there are too few rows for the protocol
     */
    List<Split> splits(int rows, int[] strata);

    /**
     * @param task the experiment's task; stratification applies to classification only
     * @return a one-line description for the results' header and provenance
     */
    String describe(Task task);

    /**
     * @return whether trainers that take unlabelled examples (NPT's) also get each split's test rows
     *     with their outputs unknown, as the NPT paper trains; the other trainers never see them
     */
    boolean semiSupervised();

    /**
     * @return whether trainers that cannot use a validation set learn from the training and
     *     validation rows together, so that every trainer gets the same labelled rows; where false
     *     they learn from the training rows alone. Meaningless when the splits have no validation rows.
     */
    boolean baselinesTrainOnValidation();

    /**
     * @return whether NPT scores each split's test rows together, attending to one another as in the
     *     reference's evaluation (paper-exact), instead of each row against its context alone
     */
    boolean jointTestPrediction();
}
