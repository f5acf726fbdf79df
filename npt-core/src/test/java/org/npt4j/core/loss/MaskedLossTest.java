package org.npt4j.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.masking.BatchTensors;
import org.npt4j.core.model.ColumnLayout;

/**
 * NPT's loss on two rows of one numerical and one three-class column, against values computed by
 * hand: squared error for numbers, cross-entropy for classes, each part averaged over its own
 * scored cells and mixed by λ.
 */
class MaskedLossTest {

    /** Column 0 numerical (value slot + mask bit), column 1 categorical with 3 classes (+ mask bit). */
    private static final ColumnLayout LAYOUT = new ColumnLayout(new int[] {2, 4}, new boolean[] {false, true});

    private NDManager manager;
    private NDList outputs;
    private NDList truths;

    @BeforeEach
    void batch() {
        manager = Engines.pytorch().newBaseManager();
        // Numerical predictions 0.5 and -1 against truths 1.5 and -1: squared errors 1 and 0.
        NDArray numeric = manager.create(new float[] {0.5f, -1f}).reshape(2, 1);
        // Equal logits (p = 1/3 each) in row 0; row 1 puts all weight on class 2 by a wide margin.
        NDArray classes = manager.create(new float[] {0, 0, 0, 0, 0, 30}).reshape(2, 3);
        outputs = new NDList(numeric, classes);
        truths = new NDList(manager.create(new float[] {1.5f, -1f}),
                manager.create(new float[] {1, 0, 0, 0, 0, 1}).reshape(2, 3));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private BatchTensors scored(float[] featureCells, float[] targetCells) {
        double features = sum(featureCells);
        double targets = sum(targetCells);
        return new BatchTensors(new NDList(), truths, manager.create(featureCells).reshape(2, 2),
                manager.create(targetCells).reshape(2, 2), features, targets);
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void everyCellHasItsOwnLoss() {
        float[] cells = new MaskedLoss(LAYOUT).cellLosses(outputs, truths).toFloatArray();
        assertArrayEquals(new float[] {1f, (float) Math.log(3), 0f, 0f}, cells, 1e-5f);
    }

    @Test
    void eachPartIsTheMeanOverItsScoredCellsAndLambdaMixesThem() {
        // Features: the numerical cell of row 0 (loss 1) and the class cell of row 0 (ln 3).
        // Targets: the numerical cell of row 1 (loss 0) and the class cell of row 1 (about 0).
        LossTerms terms = new MaskedLoss(LAYOUT).compute(outputs, scored(new float[] {1, 1, 0, 0}, new float[] {0, 0, 1, 1}), 0.25);
        double features = (1 + Math.log(3)) / 2;
        assertEquals(features, terms.featureValue(), 1e-5);
        assertEquals(0, terms.targetValue(), 1e-5);
        assertEquals(0.25 * features, terms.totalValue(), 1e-5);
        assertEquals(0, terms.targetSum().getFloat(), 1e-5);
    }

    @Test
    void rowWeightsMakeEachPartAWeightedMean() {
        // Targets: row 0's numerical cell (loss 1) at weight 3, row 1's (loss 0) at weight 1: (3·1 + 1·0) / 4.
        // Features: row 1's class cell alone (about 0), at weight 2: a weight that is the same for every cell of
        // a part cancels out.
        LossTerms terms = new MaskedLoss(LAYOUT).compute(outputs, scored(new float[] {0, 0, 0, 2}, new float[] {3, 0, 1, 0}), 0.5);
        assertEquals(0.75, terms.targetValue(), 1e-5);
        assertEquals(3, terms.targetSum().getFloat(), 1e-5);
        assertEquals(0, terms.featureValue(), 1e-5);
        assertEquals(0.5 * 0.75, terms.totalValue(), 1e-5);
    }

    @Test
    void aPartWithNoScoredCellIsAbsentNotNaN() {
        LossTerms onlyTargets = new MaskedLoss(LAYOUT).compute(outputs, scored(new float[4], new float[] {1, 1, 0, 0}), 1.0);
        assertNull(onlyTargets.features());
        assertTrue(Double.isNaN(onlyTargets.featureValue()));
        // With λ = 1 the target part still enters with weight 0, and the total is defined.
        assertEquals(0, onlyTargets.totalValue(), 1e-6);
        assertEquals((1 + Math.log(3)) / 2, onlyTargets.targetValue(), 1e-5);

        LossTerms nothing = new MaskedLoss(LAYOUT).compute(outputs, scored(new float[4], new float[4]), 0.5);
        assertNull(nothing.total());
        assertTrue(Double.isNaN(nothing.totalValue()));
    }
}
