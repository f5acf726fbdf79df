package org.npt4j.core.encoding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.table.ColumnType;

/**
 * One-hot encodes a categorical column over its sorted categories. The category order decides the
 * class index, and so which class is "positive" (index 1) for a binary AUROC, as in the reference.
 */
public final class CategoricalEncoder implements ColumnEncoder {

    private final List<String> categories;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @param categories the categories, already sorted and distinct
     */
    public CategoricalEncoder(List<String> categories) {
        this.categories = List.copyOf(categories);
        for (int i = 0; i < this.categories.size(); i++) {
            if (index.put(this.categories.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate category " + this.categories.get(i));
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

    /** @return the categories in class-index order */
    public List<String> categories() {
        return categories;
    }

    /**
     * @param label a raw label
     * @return its class index, or -1 if the label was not seen when fitting
     */
    public int indexOf(String label) {
        Integer i = index.get(label);
        return i == null ? -1 : i;
    }

    /**
     * @param classIndex a class index
     * @return its label
     */
    public String category(int classIndex) {
        return categories.get(classIndex);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalEncoder c && categories.equals(c.categories);
    }

    @Override
    public int hashCode() {
        return categories.hashCode();
    }

    @Override
    public String toString() {
        return "CategoricalEncoder" + categories;
    }
}
