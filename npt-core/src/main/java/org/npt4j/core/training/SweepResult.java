package org.npt4j.core.training;

import java.util.List;
import java.util.Locale;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.TrainingSummary;

/**
 * What an {@link NptSweep} found: the chosen model and how every variant did.
 *
 * @param model the variant with the lowest validation target loss, trained
 * @param chosen the index of that variant
 * @param outcomes every variant's training summary, in sweep order
 */
public record SweepResult(NptModel model, int chosen, List<Outcome> outcomes) {

    /**
     * One variant's result.
     *
     * @param name the variant's name
     * @param summary its training summary; {@code bestValidationLoss} is what the sweep compared
     */
    public record Outcome(String name, TrainingSummary summary) {}

    /** Keeps its own copy of the outcomes. */
    public SweepResult {
        outcomes = List.copyOf(outcomes);
    }

    /** @return the chosen variant's name */
    public String chosenName() {
        return outcomes.get(chosen).name();
    }

    /** @return one line per variant: name, validation loss, kept step and time, the chosen one marked */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < outcomes.size(); i++) {
            TrainingSummary s = outcomes.get(i).summary();
            sb.append(String.format(Locale.ROOT, "%s %-28s validation loss %.5f at step %d of %d, %.1f s%n",
                    i == chosen ? "*" : " ", outcomes.get(i).name(), s.bestValidationLoss(), s.bestStep(), s.steps(),
                    s.trainingMillis() / 1000.0));
        }
        return sb.toString();
    }
}
