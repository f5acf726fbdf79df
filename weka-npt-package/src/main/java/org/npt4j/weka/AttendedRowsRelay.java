package org.npt4j.weka;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Hands the attended training instances of predictions from the classifier to a prediction output
 * printing them on the same thread. Weka's evaluation asks a batch predictor for a whole set of
 * distributions and then gives the output each distribution alone, without the classifier, so the
 * classifier has to leave what else it found where the output can pick it up. Evaluation, the
 * Explorer and the command line predict and print on one thread, one batch after another, so the
 * relay keeps only the batch predicted last.
 *
 * <p>An output {@link #open opens} the relay before the first prediction and {@link #close closes}
 * it after the last; meanwhile the classifier asks {@link #rowsWanted} how many instances to report
 * and {@link #publish publishes} them with each batch. Without an open relay the classifier computes
 * no attention at all, so other outputs cost nothing extra. An instance is matched to its
 * prediction by its attribute values, the class left aside (evaluation hides it from the
 * classifier); identical instances share their attended instances, which is right, since NPT
 * predicts an instance from its values and the training context alone.
 */
public final class AttendedRowsRelay {

    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    private AttendedRowsRelay() {}

    /** An output printing on this thread: the rows it asked for and the batch published last. */
    private static final class Open {
        final int rowsAsked;
        Map<Values, List<AttendedInstance>> last = Map.of();
        boolean anyPublished;
        /** Of the last publishing model: its context size and its number of training instances. */
        int contextSize;
        int trainingCount;

        Open(int rowsAsked) {
            this.rowsAsked = rowsAsked;
        }
    }

    /** An instance's attribute values without its class, compared bit for bit (missing equals missing). */
    private record Values(double[] values) {
        static Values of(Instance instance) {
            double[] v = instance.toDoubleArray();
            if (instance.dataset() != null && instance.classIndex() >= 0) {
                v[instance.classIndex()] = Double.NaN;
            }
            return new Values(v);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Values other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /**
     * Starts collecting for an output on this thread.
     *
     * @param rowsAsked how many attended instances to report per prediction, or 0 for the classifier's own setting
     * @throws IllegalArgumentException if {@code rowsAsked} is negative
     */
    public static void open(int rowsAsked) {
        if (rowsAsked < 0) {
            throw new IllegalArgumentException("The number of attended instances must be 0 or more, got " + rowsAsked);
        }
        OPEN.set(new Open(rowsAsked));
    }

    /**
     * What was published while the relay was open.
     *
     * @param published whether any prediction published attended instances
     * @param contextSize the number of training instances in the context of the model that published last
     * @param trainingCount the number of instances in that model's training data, those outside its context included
     */
    public record Summary(boolean published, int contextSize, int trainingCount) {}

    /**
     * Stops collecting on this thread.
     *
     * @return what was published while the relay was open
     */
    public static Summary close() {
        Open open = OPEN.get();
        OPEN.remove();
        return open == null ? new Summary(false, 0, 0) : new Summary(open.anyPublished, open.contextSize, open.trainingCount);
    }

    /**
     * @param classifierSetting the classifier's own number of attended instances to report
     * @return how many attended instances predictions on this thread should report: 0 when no output
     *     is collecting, else the output's number, or the classifier's where the output asked for 0
     */
    public static int rowsWanted(int classifierSetting) {
        Open open = OPEN.get();
        if (open == null) {
            return 0;
        }
        return open.rowsAsked > 0 ? open.rowsAsked : classifierSetting;
    }

    /**
     * Publishes a batch's attended instances, replacing the batch before; nothing when no output is collecting.
     *
     * @param predicted the predicted instances
     * @param attended per predicted instance, its attended training instances, most attended first
     * @param context the context of the model that predicted them
     */
    public static void publish(Instances predicted, List<List<AttendedInstance>> attended, ContextInstances context) {
        Open open = OPEN.get();
        if (open == null) {
            return;
        }
        Map<Values, List<AttendedInstance>> batch = new HashMap<>();
        for (int i = 0; i < predicted.numInstances(); i++) {
            batch.put(Values.of(predicted.instance(i)), List.copyOf(attended.get(i)));
        }
        open.last = batch;
        open.anyPublished = true;
        open.contextSize = context.size();
        open.trainingCount = context.trainingCount();
    }

    /**
     * @param printed an instance of the batch predicted last, with or without its class value
     * @return its attended training instances, or null when none were published for it
     */
    public static List<AttendedInstance> find(Instance printed) {
        Open open = OPEN.get();
        return open == null ? null : open.last.get(Values.of(printed));
    }
}
