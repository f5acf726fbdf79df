package org.npt4j.core.training;

/** Thrown when training cannot go on, for example because the loss stopped being a finite number. */
public class NptTrainingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to try
     */
    public NptTrainingException(String message) {
        super(message);
    }
}
