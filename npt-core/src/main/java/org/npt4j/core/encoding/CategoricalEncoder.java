package org.npt4j.core.encoding;

import java.util.Collections;
import java.util.List;
import org.npt4j.core.table.ColumnType;

/**
 * One-hot encodes a categorical column over its sorted categories. The category order decides the
 * class index, and so which class is "positive" (index 1) for a binary AUROC, as in the reference.
 */
public record CategoricalEncoder(List<String> categories) implements ColumnEncoder {

    /**
     * @param categories the categories in class-index order: sorted and distinct, so that a label's
     *     index is found by binary search
     * @throws IllegalArgumentException if they are not
     */
    public CategoricalEncoder {
        categories = List.copyOf(categories);
        for (int i = 1; i < categories.size(); i++) {
            if (categories.get(i - 1).compareTo(categories.get(i)) >= 0) {
                throw new IllegalArgumentException("categories must be sorted and distinct: " + categories);
            }
        }
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int outputWidth() {
        return categories.size();
    }

    /**
     * @param label a raw label
     * @return its class index, or -1 if the label was not seen when fitting
     */
    public int indexOf(String label) {
        int i = Collections.binarySearch(categories, label);
        return i < 0 ? -1 : i;
    }

    /**
     * @param classIndex a class index
     * @return its label
     */
    public String category(int classIndex) {
        return categories.get(classIndex);
    }
}
