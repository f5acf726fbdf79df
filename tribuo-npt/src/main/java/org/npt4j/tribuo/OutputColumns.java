package org.npt4j.tribuo;

import java.io.Serializable;
import java.util.List;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.Table;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.ImmutableLabelInfo;
import org.tribuo.classification.Label;
import org.tribuo.regression.ImmutableRegressionInfo;
import org.tribuo.regression.Regressor;

/**
 * How a Tribuo output type becomes NPT target columns, and NPT predictions become Tribuo
 * predictions. One implementation per output type Tribuo's NPT supports.
 *
 * @param <T> the output type
 */
interface OutputColumns<T extends Output<T>> extends Serializable {

    /** Prefix of target column names, chosen so that they cannot be mistaken for Tribuo feature names. */
    String PREFIX = "__output__";

    /** @return the target column names, in table order */
    List<String> targetNames();

    /** @return whether predictions carry class probabilities */
    boolean generatesProbabilities();

    /**
     * Adds the target columns for the examples' outputs.
     *
     * @param table the table under construction
     * @param examples the examples, in row order
     */
    void addTargets(Table.Builder table, List<? extends Example<T>> examples);

    /**
     * @param predictions NPT's predictions for a batch
     * @param row the example's row in the batch
     * @param numUsed how many of the example's features the model knows
     * @param example the example
     * @return the Tribuo prediction
     */
    Prediction<T> prediction(Predictions predictions, int row, int numUsed, Example<T> example);

    /**
     * @param table a table holding the target columns
     * @param row the row
     * @return that row's output
     */
    T output(Table table, int row);

    /**
     * @param domain a trained output domain
     * @param <T> the output type
     * @return the columns for it
     * @throws IllegalArgumentException for output types NPT does not support
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> OutputColumns<T> forDomain(ImmutableOutputInfo<T> domain) {
        if (domain instanceof ImmutableLabelInfo labels) {
            return (OutputColumns<T>) new LabelColumns(labels);
        }
        if (domain instanceof ImmutableRegressionInfo regression) {
            return (OutputColumns<T>) new RegressorColumns(regression);
        }
        throw new IllegalArgumentException("NPT predicts Label and Regressor outputs, not "
                + domain.getClass().getSimpleName());
    }

    /** Checks that a name of the feature layout cannot be taken for a target column. */
    static void checkNoClash(List<String> featureColumns) {
        for (String name : featureColumns) {
            if (name.startsWith(PREFIX)) {
                throw new IllegalArgumentException("Feature '" + name + "' uses the prefix " + PREFIX
                        + ", which NPT reserves for its output columns; rename the feature");
            }
        }
    }
}
