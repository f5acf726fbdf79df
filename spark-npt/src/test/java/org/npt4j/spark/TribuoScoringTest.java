package org.npt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.tribuo.NptClassificationTrainer;
import org.npt4j.tribuo.NptRegressionTrainer;
import org.npt4j.tribuo.NptTribuoModel;
import org.npt4j.tribuo.TableDatasets;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo NPT model scores a Dataset as {@link NptTribuoModel#predict} scores the same rows as
 * Tribuo examples: numerical columns as features of the same name, a string column {@code colour}
 * as the one-hot feature {@code colour@value}, and a null number as Tribuo's absent feature.
 * In-process Spark ({@code local[1]}).
 */
class TribuoScoringTest {

    private static final int ROWS = 60;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestCluster.inProcess("npt-tribuo-scoring", 1);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aTribuoClassifierScoresAsTribuoPredicts() {
        try (NptTribuoModel<Label> model = new NptClassificationTrainer(ScoringFixtures.tiny(4, 2))
                .train(TableDatasets.classification(ScoringFixtures.rings(60), "label", "rings"));
                NptSparkScorer scorer = NptSparkScorer.of(model)) {
            List<Row> rows = ScoringFixtures.generated(spark, ROWS, 2).orderBy("id").collectAsList();
            Dataset<Row> scored = scorer.score(ScoringFixtures.generated(spark, ROWS, 2)).orderBy("id");
            assertEquals(List.of("id", "x1", "x2", "colour", "label_prediction", "label_probabilities"),
                    List.of(scored.schema().fieldNames()));
            List<Row> got = scored.collectAsList();
            List<String> classes = scorer.classes("label");
            List<Example<Label>> examples = new ArrayList<>();
            for (Row r : rows) {
                examples.add(example(r, LabelFactory.UNKNOWN_LABEL, true));
            }
            List<Prediction<Label>> expected = model.predict(examples);
            for (int i = 0; i < ROWS; i++) {
                Row r = got.get(i);
                assertEquals(expected.get(i).getOutput().getLabel(), r.getString(4), "row id " + i);
                List<Double> p = r.getList(5);
                for (int k = 0; k < classes.size(); k++) {
                    assertEquals(expected.get(i).getOutputScores().get(classes.get(k)).getScore(), p.get(k), 1e-6, "row id " + i);
                }
            }
        }
    }

    @Test
    void aTribuoRegressorScoresAsTribuoPredicts() {
        try (NptTribuoModel<Regressor> model = new NptRegressionTrainer(ScoringFixtures.tiny(4, 2))
                .train(TableDatasets.regression(ScoringFixtures.wave(60), List.of("y"), "wave"));
                NptSparkScorer scorer = NptSparkScorer.of(model)) {
            List<Row> rows = ScoringFixtures.generated(spark, ROWS, 2).orderBy("id").collectAsList();
            Dataset<Row> scored = scorer.score(ScoringFixtures.generated(spark, ROWS, 2)).orderBy("id");
            assertEquals(List.of("id", "x1", "x2", "colour", "y_prediction"), List.of(scored.schema().fieldNames()));
            List<Row> got = scored.collectAsList();
            List<Example<Regressor>> examples = new ArrayList<>();
            for (Row r : rows) {
                examples.add(example(r, RegressionFactory.UNKNOWN_REGRESSOR, false));
            }
            List<Prediction<Regressor>> expected = model.predict(examples);
            for (int i = 0; i < ROWS; i++) {
                assertEquals(expected.get(i).getOutput().getValues()[0], got.get(i).getDouble(4), 1e-6, "row id " + i);
            }
        }
    }

    /** The row as Tribuo's loaders would shape it: a null number or label is an absent feature. */
    private static <T extends org.tribuo.Output<T>> Example<T> example(Row r, T unknown, boolean withColour) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String x : List.of("x1", "x2")) {
            if (!r.isNullAt(r.fieldIndex(x))) {
                names.add(x);
                values.add(r.getDouble(r.fieldIndex(x)));
            }
        }
        if (withColour && !r.isNullAt(r.fieldIndex("colour"))) {
            names.add("colour@" + r.getString(r.fieldIndex("colour")));
            values.add(1.0);
        }
        return new ArrayExample<>(unknown, names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
