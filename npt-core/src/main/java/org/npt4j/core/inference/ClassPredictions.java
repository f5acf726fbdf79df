package org.npt4j.core.inference;

import java.util.Arrays;
import java.util.List;

/**
 * Class probabilities for a categorical target. Classes are in the model's category order (sorted
 * labels), so for a binary target {@code probabilities()[i][1]} is the score of the second label.
 */
public final class ClassPredictions extends ColumnPrediction {

    private final List<String> categories;
    private final double[][] probabilities;

    ClassPredictions(String column, List<String> categories, double[][] probabilities) {
        super(column, probabilities.length);
        this.categories = List.copyOf(categories);
        this.probabilities = probabilities;
    }

    /** @return the class labels in probability order */
    public List<String> categories() {
        return categories;
    }

    /**
     * @param row a predicted row
     * @return its class probabilities (a copy), summing to 1
     */
    public double[] probabilities(int row) {
        return probabilities[row].clone();
    }

    /** @return all probabilities, [row][class], as a copy */
    public double[][] probabilities() {
        return Arrays.stream(probabilities).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * @param row a predicted row
     * @return the index of its most probable class (the first on ties)
     */
    public int classIndex(int row) {
        double[] p = probabilities[row];
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * @param row a predicted row
     * @return its most probable label
     */
    public String label(int row) {
        return categories.get(classIndex(row));
    }
}
