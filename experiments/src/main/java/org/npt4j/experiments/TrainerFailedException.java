package org.npt4j.experiments;

/**
 * A trainer failed on a fold. The runner records the (fold, trainer) as failed with this message,
 * which says which trainer, which fold (counted from 1), in which phase and what went wrong, and
 * goes on with the other trainers; the summary names the failure and leaves the fold out of that
 * trainer's means.
 */
public final class TrainerFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param trainer the trainer's name
     * @param fold the fold's index
     * @param stage "training", "prediction" or "scoring"
     * @param cause what the trainer or model threw
     */
    public TrainerFailedException(String trainer, int fold, String stage, Throwable cause) {
        super("Trainer '" + trainer + "' failed in " + stage + " on fold " + (fold + 1) + ": " + cause.getMessage(), cause);
    }
}
