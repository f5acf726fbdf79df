package org.npt4j.core.inference;

/**
 * Thrown when a fitted model cannot give a usable prediction: the network's output for a row is not
 * a finite number. The message names the target column and the row.
 */
public class NptPredictionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the column and row
     */
    public NptPredictionException(String message) {
        super(message);
    }
}
