package org.npt4j.core;

/**
 * Thrown when data handed to npt4j cannot be used: an empty table, a value that is not a number,
 * a target without usable labels, or a table whose columns do not match the fitted model. The
 * message always names the offending column (and row and value where there is one).
 */
public class NptInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the column, row and value involved
     */
    public NptInputException(String message) {
        super(message);
    }
}
