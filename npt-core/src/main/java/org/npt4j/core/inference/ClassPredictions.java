package org.npt4j.core.inference;

import java.util.List;

/**
 * Class probabilities for a categorical target. Classes are in the model's category order (sorted
 * labels), so for a binary target {@code probabilities()[i][1]} is the score of the second label.
 */
public final class ClassPredictions implements ColumnPrediction {

    private final String column;
    private final List<String> categories;
    private final double[][] probabilities;

    ClassPredictions(String column, List<String> categories, double[][] probabilities) {
        this.column = column;
        this.categories = List.copyOf(categories);
        this.probabilities = probabilities;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public int rowCount() {
        return probabilities.length;
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
        double[][] out = new double[probabilities.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i].clone();
        }
        return out;
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
