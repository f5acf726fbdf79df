package org.npt4j.spark;

/**
 * What {@link NptSparkScorer} does with a categorical cell whose value the model never saw when it
 * was fitted.
 */
public enum UnknownCategories {

    /**
     * The cell is missing to the model, as {@link org.npt4j.core.inference.NptModel#predict} treats
     * unseen categories (it logs a warning on the executor). The default, so that a Spark job scores
     * exactly what the model would score in the driver.
     */
    AS_MISSING,

    /** The task fails with an {@link org.npt4j.core.NptInputException} naming the column, the value, the row and the known categories. */
    FAIL
}
