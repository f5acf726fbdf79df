package org.npt4j.tribuo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.inference.ImputedCategory;
import org.npt4j.core.inference.ImputedCell;
import org.npt4j.core.inference.ImputedValue;
import org.npt4j.core.inference.Imputation;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.DataProvenance;

/**
 * Examples whose missing features an {@link NptTribuoModel} filled ({@link NptTribuoModel#impute}):
 * copies of the examples given, with their outputs, weights and metadata, each with the imputed
 * features added, and one {@link ImputedFeature} per filled cell. The examples given are not
 * changed.
 *
 * @param <T> the output type
 */
public final class ImputedExamples<T extends Output<T>> {

    private final List<Example<T>> examples;
    private final List<ImputedFeature> cells;
    private final Dataset<T> source;

    private ImputedExamples(List<Example<T>> examples, List<ImputedFeature> cells, Dataset<T> source) {
        this.examples = List.copyOf(examples);
        this.cells = List.copyOf(cells);
        this.source = source;
    }

    /**
     * @param given the examples, in the imputation's row order
     * @param imputation the core's imputation of their table
     * @param layout how features became its columns
     * @param source the dataset they came from, or null
     * @param <T> the output type
     * @return the filled copies
     */
    static <T extends Output<T>> ImputedExamples<T> of(List<? extends Example<T>> given, Imputation imputation,
            FeatureLayout layout, Dataset<T> source) {
        List<Example<T>> filled = new ArrayList<>(given.size());
        for (Example<T> e : given) {
            filled.add(e.copy());
        }
        List<ImputedFeature> cells = new ArrayList<>();
        for (ImputedCell cell : imputation.cells()) {
            FeatureLayout.FeatureColumn column = layout.column(cell.column());
            Example<T> example = filled.get(cell.row());
            if (FeatureLayout.hasUnreadValue(column, given.get(cell.row()))) {
                continue; // the example has a value there, if not one the model reads: it is kept as it is
            }
            Map<String, Double> probabilities = new LinkedHashMap<>();
            Feature feature;
            if (cell instanceof ImputedCategory c) {
                for (String category : c.categories()) {
                    probabilities.put(featureOf(column, category), c.probability(category));
                }
                feature = new Feature(featureOf(column, c.label()), 1.0);
            } else {
                feature = new Feature(column.name(), ((ImputedValue) cell).value());
            }
            if (example.lookup(feature.getName()) != null) {
                example.set(feature); // a NaN value, or a one-hot feature present with value 0
            } else {
                example.add(feature);
            }
            cells.add(new ImputedFeature(cell.row(), column.name(), feature, cell, probabilities));
        }
        return new ImputedExamples<>(filled, cells, source);
    }

    private static String featureOf(FeatureLayout.FeatureColumn column, String category) {
        return column.features().get(column.categories().indexOf(category));
    }

    /** @return the filled examples, one per example given, in order */
    public List<Example<T>> examples() {
        return examples;
    }

    /** @return one entry per filled cell, by example and then in the model's column order */
    public List<ImputedFeature> cells() {
        return cells;
    }

    /**
     * @param example an example's index
     * @return the cells filled in that example
     */
    public List<ImputedFeature> cells(int example) {
        return cells.stream().filter(c -> c.example() == example).toList();
    }

    /**
     * @return the filled examples as a new dataset with the source dataset's output factory, its
     *     provenance recording the source dataset's
     * @throws IllegalStateException if the examples were not imputed from a dataset; use {@link #toDataset}
     */
    public MutableDataset<T> dataset() {
        if (source == null) {
            throw new IllegalStateException("These examples were not imputed from a dataset; use toDataset(provenance, factory)");
        }
        return toDataset(source.getProvenance(), source.getOutputFactory());
    }

    /**
     * @param provenance the new dataset's data provenance
     * @param factory the output factory
     * @return the filled examples as a new dataset
     */
    public MutableDataset<T> toDataset(DataProvenance provenance, OutputFactory<T> factory) {
        return new MutableDataset<>(examples, provenance, factory);
    }

    @Override
    public String toString() {
        return "ImputedExamples[" + examples.size() + " examples, " + cells.size() + " cells filled]";
    }
}
