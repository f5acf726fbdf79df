package org.npt4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.Predictions;

/**
 * One target of the model and the Spark columns its predictions go to: for a categorical target
 * {@code <name>_prediction} (the most probable class, a string) and {@code <name>_probabilities}
 * (array of doubles in the model's class order), for a numerical target {@code <name>_prediction}
 * (a double).
 *
 * @param target the model's target column
 * @param name the base of the output column names: the target's name, or for a Tribuo model the
 *     name of its output
 * @param classes the model's classes in probability order; empty for a numerical target
 */
record OutputColumn(String target, String name, List<String> classes) implements Serializable {

    /** Key of the probabilities column's metadata that lists the classes in array order. */
    static final String CLASSES_METADATA = "npt4j.classes";

    OutputColumn {
        classes = List.copyOf(classes);
    }

    boolean categorical() {
        return !classes.isEmpty();
    }

    String predictionColumn() {
        return name + "_prediction";
    }

    String probabilitiesColumn() {
        return name + "_probabilities";
    }

    /** @return the Spark fields this target adds, the class order recorded in the probabilities' metadata */
    List<StructField> fields() {
        List<StructField> out = new ArrayList<>();
        if (categorical()) {
            out.add(DataTypes.createStructField(predictionColumn(), DataTypes.StringType, false));
            Metadata order = new MetadataBuilder().putStringArray(CLASSES_METADATA, classes.toArray(String[]::new)).build();
            out.add(DataTypes.createStructField(probabilitiesColumn(), DataTypes.createArrayType(DataTypes.DoubleType, false),
                    false, order));
        } else {
            out.add(DataTypes.createStructField(predictionColumn(), DataTypes.DoubleType, false));
        }
        return out;
    }

    /**
     * @param predictions the predictions of a batch
     * @param row a row of the batch
     * @param cells the output row's cells
     * @param at where this target's cells start in {@code cells}
     * @return the position after this target's cells
     */
    int write(Predictions predictions, int row, Object[] cells, int at) {
        if (categorical()) {
            ClassPredictions c = predictions.classes(target);
            cells[at] = c.label(row);
            cells[at + 1] = boxed(c.probabilities(row));
            return at + 2;
        }
        cells[at] = predictions.values(target).value(row);
        return at + 1;
    }

    /** Spark's row encoder reads an array column from an object array, not from a double[]. */
    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
