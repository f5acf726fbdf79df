package org.npt4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.npt4j.core.NptInputException;
import org.npt4j.core.encoding.CategoricalEncoder;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.Table;

/**
 * How the rows of one Dataset meet one model: which Spark columns feed the model's features, and
 * which columns its predictions add. Resolved on the driver before any task runs, so that a missing
 * column or a column of the wrong type fails at once with a message naming it, instead of in every
 * task; shipped to the executors inside the task closure.
 *
 * @param inputs the model's feature columns, in model order
 * @param outputs the model's targets, in model order
 * @param unknown what to do with categories the model never saw
 * @param batchSize rows converted and predicted together
 * @param schema the scored rows' schema: the Dataset's columns, then the output columns
 */
record ScoringLayout(List<InputColumn> inputs, List<OutputColumn> outputs, UnknownCategories unknown, int batchSize,
        StructType schema) implements Serializable {

    /**
     * @param model the model's fitted columns
     * @param names the base name of each target's output columns, by target
     * @param dataset the Dataset's schema
     * @param unknown what to do with categories the model never saw
     * @param batchSize rows converted and predicted together
     * @param nullNumber what a null numerical cell becomes (NaN: missing)
     * @return the layout
     * @throws NptInputException if a feature column of the model is missing from the Dataset, has a type that
     *     cannot be read as the model's column type, or an output column would replace a column of the Dataset
     */
    static ScoringLayout resolve(TableSchema model, Map<String, String> names, StructType dataset, UnknownCategories unknown,
            int batchSize, double nullNumber) {
        List<String> columns = Arrays.asList(dataset.fieldNames());
        List<InputColumn> inputs = new ArrayList<>();
        List<OutputColumn> outputs = new ArrayList<>();
        for (ColumnSpec spec : model.columns()) {
            if (spec.target()) {
                List<String> classes = spec.encoder() instanceof CategoricalEncoder enc ? enc.categories() : List.of();
                outputs.add(new OutputColumn(spec.name(), names.getOrDefault(spec.name(), spec.name()), classes));
                continue;
            }
            int index = columns.indexOf(spec.name());
            if (index < 0) {
                throw new NptInputException("The Dataset has no column '" + spec.name() + "', which the model needs as a "
                        + (spec.categorical() ? "categorical (string)" : "numerical") + " feature; the Dataset's columns are "
                        + columns + sameButCase(columns, spec.name()));
            }
            StructField field = dataset.fields()[index];
            checkType(spec, field.dataType());
            Set<String> categories = spec.encoder() instanceof CategoricalEncoder enc ? Set.copyOf(enc.categories()) : Set.of();
            inputs.add(new InputColumn(spec.name(), index, spec.categorical(), categories, nullNumber));
        }
        if (outputs.isEmpty()) {
            throw new NptInputException("The model has no target column, so there is nothing to predict (a model fitted for "
                    + "imputation only)");
        }
        List<StructField> fields = new ArrayList<>(Arrays.asList(dataset.fields()));
        for (OutputColumn out : outputs) {
            for (StructField f : out.fields()) {
                if (columns.contains(f.name())) {
                    throw new NptInputException("The Dataset already has a column '" + f.name() + "', where the prediction for "
                            + "target '" + out.target() + "' would go; drop or rename it first");
                }
                fields.add(f);
            }
        }
        return new ScoringLayout(inputs, outputs, unknown, batchSize, DataTypes.createStructType(fields));
    }

    private static String sameButCase(List<String> columns, String name) {
        return columns.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
                .map(c -> " ('" + c + "' differs in case only; column names are matched exactly)").orElse("");
    }

    /** Numbers of any Spark numeric type for a numerical column, strings for a categorical one: nothing is guessed. */
    private static void checkType(ColumnSpec spec, DataType type) {
        if (spec.categorical() && !type.equals(DataTypes.StringType)) {
            throw new NptInputException("Column '" + spec.name() + "' is " + type.simpleString() + " in the Dataset, but the "
                    + "model's column is categorical and reads strings; cast it, e.g. col(\"" + spec.name() + "\").cast(\"string\")");
        }
        if (!spec.categorical() && !(type instanceof NumericType)) {
            throw new NptInputException("Column '" + spec.name() + "' is " + type.simpleString() + " in the Dataset, but the "
                    + "model's column is numerical and reads numbers (byte, short, int, long, float, double or decimal)"
                    + (type.equals(DataTypes.StringType) ? "; a string column is not parsed: cast it to double first" : ""));
        }
    }

    /**
     * @param rows a batch of the Dataset's rows
     * @return the model's feature columns of those rows, as a core table
     */
    Table table(List<Row> rows) {
        Table.Builder table = Table.builder();
        for (InputColumn in : inputs) {
            if (in.categorical()) {
                table.categorical(in.name(), in.labels(rows, unknown));
            } else {
                table.numeric(in.name(), in.numbers(rows));
            }
        }
        return table.build();
    }

    /**
     * @param row an input row
     * @param predictions the predictions of its batch
     * @param i the row's position in the batch
     * @return the row with its output columns appended
     */
    Object[] scored(Row row, Predictions predictions, int i) {
        Object[] cells = new Object[schema.size()];
        int at = row.length();
        for (int j = 0; j < at; j++) {
            cells[j] = row.get(j);
        }
        for (OutputColumn out : outputs) {
            at = out.write(predictions, i, cells, at);
        }
        return cells;
    }
}
