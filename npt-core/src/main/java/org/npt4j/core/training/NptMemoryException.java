package org.npt4j.core.training;

import org.npt4j.core.NptInputException;

/**
 * Thrown before training starts when the table and settings need more memory than the process has
 * (setting {@code memoryCheck}). It is an {@link NptInputException}, since what is wrong is the
 * size of the input for the chosen settings; the message gives both figures and what to change.
 */
public class NptMemoryException extends NptInputException {
    private static final long serialVersionUID = 1L;

    /**
     * The two figures the message gives, for callers that decide for themselves.
     *
     * @param neededBytes the estimated bytes training needs at least
     * @param availableBytes the bytes the process could still allocate when training was about to start
     */
    public record Figures(long neededBytes, long availableBytes) {}

    private final Figures figures;

    /**
     * @param message the estimate, what is available and which settings to change
     * @param neededBytes the estimated need
     * @param availableBytes what the process can still allocate
     */
    public NptMemoryException(String message, long neededBytes, long availableBytes) {
        super(message);
        this.figures = new Figures(neededBytes, availableBytes);
    }

    /** @return the estimated need and what was available */
    public Figures figures() {
        return figures;
    }
}
