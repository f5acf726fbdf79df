package org.npt4j.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.npt4j.core.inference.AttentionMaps;
import weka.core.Instances;

/**
 * Which of the user's training instances each context row of a fitted NPT is, so that attention
 * over the context can be told as attention to training instances. The context holds the
 * instances with a class value, in their original order; those with a missing class (unlabelled
 * rows, or deleted before training) are not in it, so nothing can attend to them.
 */
public final class ContextInstances implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Per context row, the index of its instance in the user's training data. */
    private final int[] trainingIndex;
    /** Per context row, its class value as Weka stores it. */
    private final double[] classValue;
    private final int trainingCount;

    private ContextInstances(int[] trainingIndex, double[] classValue, int trainingCount) {
        this.trainingIndex = trainingIndex;
        this.classValue = classValue;
        this.trainingCount = trainingCount;
    }

    /**
     * @param trained the instances the trainer was given
     * @param trainedToUsers for each of them, its index in the user's training data (the trainer may
     *     have been given a subset)
     * @param contextSourceRows for each context row, the index of its instance in {@code trained}
     *     ({@code TrainingSession.contextSourceRows()})
     * @param trainingCount the number of instances in the user's training data
     * @return the mapping
     */
    public static ContextInstances of(Instances trained, int[] trainedToUsers, int[] contextSourceRows, int trainingCount) {
        int[] index = new int[contextSourceRows.length];
        double[] classes = new double[contextSourceRows.length];
        for (int c = 0; c < index.length; c++) {
            index[c] = trainedToUsers[contextSourceRows[c]];
            classes[c] = trained.instance(contextSourceRows[c]).classValue();
        }
        return new ContextInstances(index, classes, trainingCount);
    }

    /** @return the number of training instances in the context */
    public int size() {
        return trainingIndex.length;
    }

    /** @return the number of instances in the user's training data, those left out of the context included */
    public int trainingCount() {
        return trainingCount;
    }

    /**
     * @param maps attention of predicted rows over this context
     * @param row a predicted row
     * @param k how many instances to return; fewer when the context is smaller
     * @return the k training instances the row attended to most (averaged over layers and heads),
     *     most attended first, ties by lower index
     */
    public List<AttendedInstance> top(AttentionMaps maps, int row, int k) {
        if (maps.contextRows() != trainingIndex.length) {
            throw new IllegalStateException("Attention over " + maps.contextRows() + " context rows, but the model's context "
                    + "holds " + trainingIndex.length + " training instances");
        }
        double[] weights = maps.meanOverLayersAndHeads(row);
        List<AttendedInstance> out = new ArrayList<>();
        for (int c : AttentionMaps.topK(weights, Math.min(k, weights.length))) {
            out.add(new AttendedInstance(trainingIndex[c], weights[c], classValue[c]));
        }
        return out;
    }
}
