package org.npt4j.core.training;

/**
 * Thrown when the training thread is interrupted (Weka's Stop button, a cancelled {@code Future},
 * a shutting-down JVM): training ends at the next step boundary, nothing is kept, and every native
 * array it allocated is freed. The thread's interrupt flag is set again, as the interruption
 * convention asks.
 */
public class NptTrainingInterruptedException extends NptTrainingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message when the interruption came
     */
    public NptTrainingInterruptedException(String message) {
        super(message);
    }
}
