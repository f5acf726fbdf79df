package org.npt4j.core.masking;

import java.util.random.RandomGenerator;

/**
 * Draws which cells to mask, following the reference's {@code apply_mask}: with probability 1
 * every candidate is masked; otherwise the number of masked cells is a normal approximation of the
 * binomial, the cells are chosen uniformly without replacement over the whole candidate matrix,
 * and a share of them is randomised instead of masked (BERT style, without the keep branch).
 */
final class MaskSampler {

    private final double maskFraction;

    /**
     * @param maskFraction share of picked cells that are masked rather than randomised (0.9)
     */
    public MaskSampler(double maskFraction) {
        this.maskFraction = maskFraction;
    }

    /**
     * @param candidates cells that may be chosen, {@code [column][row]}
     * @param probability the masking probability
     * @param rng the random source
     * @return the draw
     */
    public CellMask sample(boolean[][] candidates, double probability, RandomGenerator rng) {
        int columns = candidates.length;
        int rows = columns == 0 ? 0 : candidates[0].length;
        boolean[][] picked = new boolean[columns][rows];
        boolean[][] randomised = new boolean[columns][rows];
        if (probability >= 1.0) {
            for (int j = 0; j < columns; j++) {
                picked[j] = candidates[j].clone();
            }
            return new CellMask(picked, randomised);
        }
        // Row-major enumeration, as torch.nonzero on the (N, D) matrix.
        int nm = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (candidates[j][i]) {
                    nm++;
                }
            }
        }
        int[] cells = new int[nm];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (candidates[j][i]) {
                    cells[k++] = i * columns + j;
                }
            }
        }
        int count = drawCount(nm, probability, rng);
        // Partial Fisher-Yates: the first `count` entries become a uniform sample without replacement.
        for (int a = 0; a < count; a++) {
            int b = a + rng.nextInt(nm - a);
            int t = cells[a];
            cells[a] = cells[b];
            cells[b] = t;
        }
        int randomCount = randomisedCount(count, maskFraction);
        for (int a = 0; a < count; a++) {
            int i = cells[a] / columns;
            int j = cells[a] % columns;
            picked[j][i] = true;
            if (a < randomCount) {
                randomised[j][i] = true;
            }
        }
        return new CellMask(picked, randomised);
    }

    /**
     * @param candidates number of candidate cells Nm
     * @param p masking probability
     * @param rng random source
     * @return int(p·Nm + N(0, sqrt(Nm·p·(1−p)))) clipped to [0, Nm], as the reference draws it
     */
    static int drawCount(int candidates, double p, RandomGenerator rng) {
        if (candidates == 0 || p <= 0) {
            return 0;
        }
        double std = Math.sqrt(candidates * p * (1 - p));
        int n = (int) (p * candidates + rng.nextGaussian() * std);
        return Math.max(0, Math.min(n, candidates));
    }

    /**
     * The reference slices its shuffled picks with {@code [:1 - int(f·M)]}, a Python slice whose
     * negative bound counts from the end. That gives M − floor(f·M) + 1 randomised cells for
     * M ≥ 3 at f = 0.9, none for M = 2 and one for M = 1; reproduced here exactly.
     *
     * @param picked number of picked cells M
     * @param maskFraction f
     * @return the number of picked cells to randomise
     */
    static int randomisedCount(int picked, double maskFraction) {
        int stop = 1 - (int) (maskFraction * picked);
        int n = stop >= 0 ? Math.min(stop, picked) : picked + stop;
        return Math.max(0, n);
    }
}
