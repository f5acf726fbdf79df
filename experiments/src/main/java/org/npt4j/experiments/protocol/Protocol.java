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
}
