package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptInputException;
import org.npt4j.core.RowWeightChecks;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.Table;

/**
 * Row weights scale each row's loss: weights that are all equal train bit for bit as no weights
 * do, weight 2 trains like a second copy of the row (within the noise of a different seed), and
 * weight 0 takes a row out of the loss.
 *
 * <p>The tests against copies or against other rows train with {@link RowWeightChecks#settings}: every
 * training label masked and no validation rows held out (the reasons are there).
 */
class RowWeightsTest {

    @Test
    void equalWeightsTrainBitForBitAsNoWeights() {
        Table table = Fixtures.rings(60, 3);
        Table test = Fixtures.rings(20, 4).withoutColumns(List.of("label"));
        // The tiny preset holds out validation rows and shows half the labels: every path weights touch.
        NptConfig config = Fixtures.tiny().set(STEPS, 20).build();
        double[] ones = new double[60];
        Arrays.fill(ones, 1.0);
        double[] threes = new double[60];
        Arrays.fill(threes, 3.0);
        try (NptModel plain = new NptTrainer(config).fit(table, "label");
                NptModel weightedOnes = new NptTrainer(config).fit(table.withRowWeights(ones), "label");
                NptModel weightedThrees = new NptTrainer(config).fit(table.withRowWeights(threes), "label")) {
            double[][] expected = plain.predict(test).classes("label").probabilities();
            for (NptModel m : List.of(weightedOnes, weightedThrees)) {
                assertArrayEquals(plain.weights(), m.weights());
                assertEquals(plain.summary().bestValidationLoss(), m.summary().bestValidationLoss());
                assertEquals(plain.summary().finalLoss(), m.summary().finalLoss());
                double[][] actual = m.predict(test).classes("label").probabilities();
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], actual[i], 0.0, "row " + i);
                }
            }
        }
    }

    @Test
    void weightTwoTrainsLikeASecondCopyOfTheRow() throws Exception {
        RowWeightChecks.Comparison c = RowWeightChecks.weightTwoVersusCopy((train, test, seed) -> {
            try (NptModel m = new NptTrainer(weightTestConfig(seed)).fit(train, RowWeightChecks.TARGET)) {
                return Arrays.stream(m.predict(test).classes(RowWeightChecks.TARGET).probabilities()).mapToDouble(p -> p[1]).toArray();
            }
        });
        System.out.println("Core, weight 2 against a copy: " + c);
        // Measured: 0.019 against 0.044, weighting moving p(b) from 0.33 to 0.51. Weights that did nothing would
        // leave the whole 0.17 between weighted and copied.
        c.assertWeightActsLikeACopy();
    }

    /** A few copies of training rows with an absurd target and weight 0 change predictions no more than a new seed does. */
    @Test
    void weightZeroTakesARowOutOfTheLoss() {
        Table clean = Fixtures.wave(80, 21);
        Table test = Fixtures.wave(30, 22).withoutColumns(List.of("y"));
        int[] firstRows = IntStream.range(0, 8).toArray();
        Table absurd = absurdTargets(clean.selectRows(firstRows));
        double[] weights = new double[88];
        Arrays.fill(weights, 0, 80, 1.0);
        Table withIgnored = clean.appendRows(absurd).withRowWeights(weights);
        Table withCounted = clean.appendRows(absurd);

        double[] cleanA = values(clean, test, 1);
        double[] cleanB = values(clean, test, 2);
        double[] ignored = values(withIgnored, test, 1);
        double[] counted = values(withCounted, test, 1);
        double seedToSeed = rmsDifference(cleanA, cleanB);
        double ignoredShift = rmsDifference(cleanA, ignored);
        double countedShift = rmsDifference(cleanA, counted);
        System.out.printf("Core, weight 0: RMS shift %.4f, seed to seed %.4f; the same rows at weight 1: %.4f%n", ignoredShift,
                seedToSeed, countedShift);
        // Measured: 0.064 against 0.201 (0.050 against 0.090 on other data and seeds); counted, the rows shift it by about 100.
        assertTrue(ignoredShift <= 2 * seedToSeed, ignoredShift + " vs seed noise " + seedToSeed);
        assertTrue(countedShift > 10 * seedToSeed, "the absurd rows matter when counted: " + countedShift);
    }

    @Test
    void weightsThatLeaveNothingToLearnOrChooseByAreRefused() {
        Table table = Fixtures.rings(20, 5);
        NptConfig config = Fixtures.tiny().set(STEPS, 1).build();
        double[] trainZero = new double[20];
        RowRole[] roles = Fixtures.roles(20, RowRole.TRAIN);
        for (int i = 15; i < 20; i++) {
            roles[i] = RowRole.VALIDATION;
            trainZero[i] = 1.0;
        }
        NptInputException noTraining = assertThrows(NptInputException.class,
                () -> new NptTrainer(config).fit(table.withRowWeights(trainZero), List.of("label"), roles));
        assertTrue(noTraining.getMessage().contains("training row"), noTraining.getMessage());

        double[] validationZero = new double[20];
        Arrays.fill(validationZero, 0, 15, 1.0);
        NptInputException noValidation = assertThrows(NptInputException.class,
                () -> new NptTrainer(config).fit(table.withRowWeights(validationZero), List.of("label"), roles));
        assertTrue(noValidation.getMessage().contains("validation rows"), noValidation.getMessage());
    }

    @Test
    void rowsOfWeightZeroAreNeverHeldOutForValidation() {
        Table table = Fixtures.rings(40, 6);
        double[] weights = new double[40];
        for (int i = 0; i < 40; i += 2) {
            weights[i] = 1.0;
        }
        NptConfig config = Fixtures.tiny().set(VALIDATION_FRACTION, 0.5).build();
        FitRows rows = FitRows.prepare(table.withRowWeights(weights), List.of("label"), null, config, new SplittableRandom(1));
        for (int i = 1; i < 40; i += 2) {
            assertEquals(RowRole.TRAIN, rows.roles()[i], "row " + i);
        }
        assertTrue(Arrays.stream(rows.roles()).anyMatch(r -> r == RowRole.VALIDATION));
    }

    private static NptConfig weightTestConfig(long seed) {
        return RowWeightChecks.settings(Fixtures.tiny()).set(SEED, seed).build();
    }

    private static double[] values(Table train, Table test, long seed) {
        try (NptModel m = new NptTrainer(weightTestConfig(seed)).fit(train, "y")) {
            return m.predict(test).values("y").values();
        }
    }

    private static Table absurdTargets(Table rows) {
        double[] y = new double[rows.rowCount()];
        Arrays.fill(y, 1000.0);
        return Table.builder().add(rows.column("x1")).add(rows.column("x2")).numeric("y", y).build();
    }

    private static double rmsDifference(double[] a, double[] b) {
        return Math.sqrt(IntStream.range(0, a.length).mapToDouble(i -> (a[i] - b[i]) * (a[i] - b[i])).average().orElseThrow());
    }
}
