package org.npt4j.tribuo;

import java.util.List;
import java.util.Optional;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.regression.ImmutableRegressionInfo;
import org.tribuo.regression.Regressor;

/**
 * A {@link Regressor} is one numerical target column per dimension; NPT predicts all dimensions
 * jointly, in one model. Columns are matched by dimension name, never by Tribuo's dimension IDs.
 */
final class RegressorColumns implements OutputColumns<Regressor> {

    private static final long serialVersionUID = 1L;

    private final List<String> dimensions;

    RegressorColumns(ImmutableRegressionInfo domain) {
        this.dimensions = domain.getDomain().stream().map(r -> r.getNames()[0]).sorted().toList();
    }

    private static String column(String dimension) {
        return PREFIX + ":" + dimension;
    }

    @Override
    public List<String> targetNames() {
        return dimensions.stream().map(RegressorColumns::column).toList();
    }

    @Override
    public boolean generatesProbabilities() {
        return false;
    }

    @Override
    public void addTargets(Table.Builder table, List<? extends Example<Regressor>> examples) {
        for (String dimension : dimensions) {
            double[] values = new double[examples.size()];
            for (int i = 0; i < values.length; i++) {
                Optional<Regressor.DimensionTuple> d = examples.get(i).getOutput().getDimension(dimension);
                values[i] = d.isPresent() ? d.get().getValue() : Double.NaN;
            }
            table.add(new NumericColumn(column(dimension), values));
        }
    }

    @Override
    public Prediction<Regressor> prediction(Predictions predictions, int row, int numUsed, Example<Regressor> example) {
        double[] values = new double[dimensions.size()];
        for (int d = 0; d < values.length; d++) {
            values[d] = predictions.values(column(dimensions.get(d))).value(row);
        }
        return new Prediction<>(new Regressor(dimensions.toArray(String[]::new), values), numUsed, example);
    }

    @Override
    public Regressor output(Table table, int row) {
        double[] values = new double[dimensions.size()];
        for (int d = 0; d < values.length; d++) {
            values[d] = ((NumericColumn) table.column(column(dimensions.get(d)))).get(row);
        }
        return new Regressor(dimensions.toArray(String[]::new), values);
    }
}
