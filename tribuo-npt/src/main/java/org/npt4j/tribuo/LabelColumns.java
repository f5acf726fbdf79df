package org.npt4j.tribuo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Table;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.ImmutableLabelInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** A {@link Label} is one categorical target column; predictions carry every class's probability. */
final class LabelColumns implements OutputColumns<Label> {

    private static final long serialVersionUID = 1L;
    static final String TARGET = PREFIX;

    private final List<String> labels;

    LabelColumns(ImmutableLabelInfo domain) {
        this.labels = domain.getDomain().stream().map(Label::getLabel).sorted().toList();
    }

    @Override
    public List<String> targetNames() {
        return List.of(TARGET);
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public void addTargets(Table.Builder table, List<? extends Example<Label>> examples) {
        String[] values = new String[examples.size()];
        for (int i = 0; i < values.length; i++) {
            Label label = examples.get(i).getOutput();
            // An unknown output is an unlabelled row: a missing target cell.
            values[i] = LabelFactory.UNKNOWN_LABEL.equals(label) ? null : label.getLabel();
        }
        table.add(new CategoricalColumn(TARGET, values));
    }

    @Override
    public Prediction<Label> prediction(Predictions predictions, int row, int numUsed, Example<Label> example) {
        ClassPredictions classes = predictions.classes(TARGET);
        double[] p = classes.probabilities(row);
        List<String> categories = classes.categories();
        Map<String, Label> scores = new LinkedHashMap<>();
        Label best = null;
        for (String name : labels) {
            int k = categories.indexOf(name);
            // Classes of the output domain that never reached NPT's encoder get probability 0.
            Label scored = new Label(name, k < 0 ? 0.0 : p[k]);
            scores.put(name, scored);
            if (best == null || scored.getScore() > best.getScore()) {
                best = scored;
            }
        }
        return new Prediction<>(best, scores, numUsed, example, true);
    }

    @Override
    public Label output(Table table, int row) {
        return new Label(((CategoricalColumn) table.column(TARGET)).get(row));
    }
}
