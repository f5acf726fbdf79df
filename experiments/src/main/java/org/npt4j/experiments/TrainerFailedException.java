package org.npt4j.experiments;

/**
 * A trainer failed on a fold. The experiment stops (a comparison with a hole in it would mislead),
 * and the message says which trainer, which fold and what went wrong.
 */
public final class TrainerFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param trainer the trainer's name
     * @param fold the fold's index
     * @param stage "training" or "prediction"
     * @param cause what the trainer or model threw
     */
    public TrainerFailedException(String trainer, int fold, String stage, Throwable cause) {
        super("Trainer '" + trainer + "' failed in " + stage + " on fold " + (fold + 1) + ": " + cause.getMessage(), cause);
    }
}
