package org.npt4j.core.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reference's apply_mask statistics: counts, the 90/10 split and uniform, candidate-only picks. */
class MaskSamplerTest {

    @Test
    void randomisedCountFollowsThePythonSliceOfTheReference() {
        assertEquals(0, MaskSampler.randomisedCount(0, 0.9));
        assertEquals(1, MaskSampler.randomisedCount(1, 0.9));
        assertEquals(0, MaskSampler.randomisedCount(2, 0.9));
        assertEquals(2, MaskSampler.randomisedCount(3, 0.9));
        assertEquals(2, MaskSampler.randomisedCount(10, 0.9));
        assertEquals(11, MaskSampler.randomisedCount(100, 0.9));
        assertEquals(101, MaskSampler.randomisedCount(1000, 0.9));
    }

    @Test
    void overManyDrawsTheMaskedShareIsPAndAboutTenPercentAreRandomised() {
        int rows = 200;
        int cols = 5;
        boolean[][] candidates = new boolean[cols][rows];
        int nm = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                candidates[j][i] = (i + j) % 7 != 0;
                nm += candidates[j][i] ? 1 : 0;
            }
        }
        MaskSampler sampler = new MaskSampler(0.9);
        SplittableRandom rng = new SplittableRandom(1);
        int draws = 400;
        double picked = 0;
        double randomised = 0;
        long[] perColumn = new long[cols];
        for (int d = 0; d < draws; d++) {
            CellMask m = sampler.sample(candidates, 0.15, rng);
            picked += m.pickedCount();
            randomised += m.randomisedCount();
            assertEquals(MaskSampler.randomisedCount(m.pickedCount(), 0.9), m.randomisedCount());
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    if (m.picked()[j][i]) {
                        assertTrue(candidates[j][i], "picked a non-candidate cell");
                        perColumn[j]++;
                    }
                    if (m.randomised()[j][i]) {
                        assertTrue(m.picked()[j][i], "randomised cells are a subset of picked cells");
                    }
                }
            }
        }
        double share = picked / draws / nm;
        assertEquals(0.15, share, 0.005, "picked share");
        double randomShare = randomised / picked;
        assertEquals(0.1, randomShare, 0.015, "randomised share of picked cells");
        for (int j = 0; j < cols; j++) {
            assertEquals(picked / cols, perColumn[j], picked / cols * 0.1, "column " + j + " gets its share");
        }
    }

    @Test
    void probabilityOneMasksEveryCandidateAndRandomisesNone() {
        boolean[][] candidates = {{true, false, true}, {false, true, true}};
        CellMask m = new MaskSampler(0.9).sample(candidates, 1.0, new SplittableRandom(1));
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(candidates[j][i], m.picked()[j][i]);
                assertFalse(m.randomised()[j][i]);
            }
        }
    }

    @Test
    void noCandidatesMeansNothingPicked() {
        CellMask m = new MaskSampler(0.9).sample(new boolean[3][4], 0.5, new SplittableRandom(1));
        assertEquals(0, m.pickedCount());
    }
}
