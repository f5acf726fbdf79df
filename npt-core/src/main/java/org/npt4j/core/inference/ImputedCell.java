package org.npt4j.core.inference;

/**
 * One cell filled by an {@link Imputation}: where it is and what the network predicted for it. A
 * numerical cell gets one value and a categorical cell a probability per category; the model gives
 * no spread for a numerical cell (it is trained on squared error, so its output is a point estimate
 * of the value, not a distribution), and class probabilities are the network's softmax, not
 * calibrated.
 */
public sealed interface ImputedCell permits ImputedValue, ImputedCategory {

    /** @return the cell's row in the table passed to {@link NptModel#impute} */
    int row();

    /** @return the cell's column */
    String column();

    /** @return the filled value as text: the number, or the most probable category */
    String valueAsString();
}
