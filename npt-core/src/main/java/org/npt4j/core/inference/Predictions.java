package org.npt4j.core.inference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.NptInputException;

/** Predictions for every target column of a model, for the rows passed to {@link NptModel#predict}. */
public final class Predictions {

    private final int rows;
    private final Map<String, ColumnPrediction> columns;

    Predictions(int rows, List<ColumnPrediction> columns) {
        this.rows = rows;
        this.columns = new LinkedHashMap<>();
        for (ColumnPrediction c : columns) {
            this.columns.put(c.column(), c);
        }
    }

    /** @return the number of predicted rows */
    public int rowCount() {
        return rows;
    }

    /** @return the target column names in model order */
    public List<String> targets() {
        return List.copyOf(columns.keySet());
    }

    /**
     * @param target a target column
     * @return its predictions
     * @throws NptInputException if the model does not predict that column
     */
    public ColumnPrediction column(String target) {
        ColumnPrediction c = columns.get(target);
        if (c == null) {
            throw new NptInputException("'" + target + "' is not a target of this model; its targets are " + targets());
        }
        return c;
    }

    /**
     * @param target a categorical target
     * @return its class probabilities
     */
    public ClassPredictions classes(String target) {
        if (column(target) instanceof ClassPredictions c) {
            return c;
        }
        throw new NptInputException("Target '" + target + "' is numerical; use values(\"" + target + "\")");
    }

    /**
     * @param target a numerical target
     * @return its predicted values
     */
    public ValuePredictions values(String target) {
        if (column(target) instanceof ValuePredictions v) {
            return v;
        }
        throw new NptInputException("Target '" + target + "' is categorical; use classes(\"" + target + "\")");
    }
}
