package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** Tribuo's sparse named features become NPT columns by the two documented rules. */
class FeatureLayoutTest {

    private static Example<Label> ex(String[] names, double[] values) {
        return new ArrayExample<>(new Label("x"), names, values);
    }

    private static final List<String> NAMES = List.of("age", "colour@blue", "colour@red", "words@cat", "words@dog");

    private static final List<Example<Label>> TRAIN = List.of(
            ex(new String[] {"age", "colour@red", "words@cat", "words@dog"}, new double[] {30, 1, 1, 1}),
            ex(new String[] {"colour@blue", "words@dog"}, new double[] {1, 3}),
            ex(new String[] {"age"}, new double[] {41}));

    private static Table table(FeatureLayout layout, List<Example<Label>> examples) {
        Table.Builder b = Table.builder();
        layout.addColumns(b, examples);
        return b.build();
    }

    @Test
    void oneHotGroupsBecomeCategoricalColumnsAndOtherGroupsStayNumeric() {
        FeatureLayout layout = FeatureLayout.infer(NAMES, TRAIN, "@", false);
        // words@* has two features present at once and a count of 3: not one-hot.
        assertEquals(List.of("age", "colour", "words@cat", "words@dog"), layout.columnNames());
        assertEquals(List.of("colour"), layout.categoricalColumns());
        Table t = table(layout, TRAIN);
        CategoricalColumn colour = (CategoricalColumn) t.column("colour");
        assertEquals("red", colour.get(0));
        assertEquals("blue", colour.get(1));
        assertTrue(colour.isMissing(2), "no member present: a missing cell");
        assertEquals(0.0, ((NumericColumn) t.column("age")).get(1), "absent numeric feature is 0 by default");
        assertEquals(3.0, ((NumericColumn) t.column("words@dog")).get(1));
    }

    @Test
    void absentFeaturesCanBeMissingCells() {
        FeatureLayout layout = FeatureLayout.infer(NAMES, TRAIN, "@", true);
        assertTrue(table(layout, TRAIN).column("age").isMissing(1));
    }

    @Test
    void regroupingCanBeTurnedOff() {
        FeatureLayout layout = FeatureLayout.infer(NAMES, TRAIN, "", false);
        assertEquals(NAMES, layout.columnNames());
        assertTrue(layout.categoricalColumns().isEmpty());
    }

    @Test
    void unknownFeaturesAreIgnoredAndTwoValuesOfOneColumnAreMissing() {
        FeatureLayout layout = FeatureLayout.infer(NAMES, TRAIN, "@", false);
        Table t = table(layout, List.of(
                ex(new String[] {"colour@green", "height"}, new double[] {1, 180}),
                ex(new String[] {"colour@blue", "colour@red"}, new double[] {1, 1})));
        assertTrue(t.column("colour").isMissing(0), "an unseen category is a missing cell");
        assertTrue(t.column("colour").isMissing(1), "two categories at once is a missing cell");
        assertEquals(List.of("age", "colour", "words@cat", "words@dog"), t.columnNames());
    }

    @Test
    void rowsMapBackToTheirFeaturesAndTheLayoutRoundTripsThroughProtobuf() {
        FeatureLayout layout = FeatureLayout.infer(NAMES, TRAIN, "@", false);
        List<Feature> features = layout.featuresOf(table(layout, TRAIN), 0);
        assertEquals(List.of(new Feature("age", 30), new Feature("colour@red", 1), new Feature("words@cat", 1),
                new Feature("words@dog", 1)), features);
        assertEquals(layout, FeatureLayout.fromProto(layout.toProto()));
    }
}
