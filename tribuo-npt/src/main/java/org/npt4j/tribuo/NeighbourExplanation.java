package org.npt4j.tribuo;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.Prediction;

/**
 * Which training rows a prediction leaned on: NPT predicts a row by attending to the training rows
 * it carries, and the attention between datapoints says how much each one counted.
 *
 * @param example the explained example
 * @param prediction the model's prediction for it
 * @param neighbours the most attended training rows, most attended first
 * @param <T> the output type
 */
public record NeighbourExplanation<T extends Output<T>>(Example<T> example, Prediction<T> prediction,
        List<AttendedRow<T>> neighbours) {

    /** Copies the neighbour list. */
    public NeighbourExplanation {
        neighbours = List.copyOf(neighbours);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Prediction ").append(prediction.getOutput()).append(" leaned on:\n");
        for (AttendedRow<T> r : neighbours) {
            sb.append(String.format("  training row %d (weight %.4f): output %s, features %s%n",
                    r.trainingIndex(), r.weight(), r.row().getOutput(), r.row()));
        }
        return sb.toString();
    }
}
