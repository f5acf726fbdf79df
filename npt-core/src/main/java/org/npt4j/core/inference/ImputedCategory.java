package org.npt4j.core.inference;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A filled categorical cell: the network's probability for each category of the column (the
 * softmax of its head, summing to 1), in the model's category order (sorted labels). The cell is
 * filled with the most probable category ({@link #label()}).
 *
 * @param row the cell's row
 * @param column the cell's column
 * @param categories the column's categories, as fitted
 * @param probabilities one probability per category; the accessor returns a copy
 */
public record ImputedCategory(int row, String column, List<String> categories, double[] probabilities)
        implements ImputedCell {

    /** Copies the categories and probabilities, which must be as many. */
    public ImputedCategory {
        categories = List.copyOf(categories);
        probabilities = probabilities.clone();
        if (probabilities.length != categories.size() || categories.isEmpty()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for the " + categories.size()
                    + " categories of column '" + column + "'");
        }
    }

    /** @return one probability per category, in {@link #categories()} order, as a copy */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** @return the index of the most probable category (the first on ties) */
    public int classIndex() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** @return the most probable category: the value the cell is filled with */
    public String label() {
        return categories.get(classIndex());
    }

    /**
     * @param category a category of the column
     * @return its probability; 0 for a category the model does not know
     */
    public double probability(String category) {
        int c = categories.indexOf(category);
        return c < 0 ? 0 : probabilities[c];
    }

    @Override
    public String valueAsString() {
        return label();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImputedCategory c && row == c.row && column.equals(c.column) && categories.equals(c.categories)
                && Arrays.equals(probabilities, c.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(row, column, categories, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "ImputedCategory[row=" + row + ", column=" + column + ", label=" + label() + ", categories=" + categories
                + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
