package org.npt4j.core.masking;

import java.util.random.RandomGenerator;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.EncodedTable;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.table.RowRole;

/**
 * Decides, for each mode of the reference ({@code npt/mask.py}, semi-supervised), which cells of
 * the working table the model sees and which it is scored on:
 *
 * <ul>
 *   <li>training: training targets masked stochastically at p_target (all of them when p_target is 1)
 *       and scored where picked; validation and test targets masked; observed feature cells of every
 *       row masked stochastically at p_feature and scored where picked;</li>
 *   <li>evaluation: training targets visible when p_target &lt; 1, validation targets masked and
 *       scored, test targets masked, no feature masking;</li>
 *   <li>prediction ({@link #forPrediction}): context targets visible when p_target &lt; 1, query targets masked;</li>
 *   <li>imputation ({@link #forImputation}): as prediction, except that the query rows' observed targets are
 *       visible too when p_target &lt; 1.</li>
 * </ul>
 *
 * Test targets are expected to be missing in the truth table already, so no path can reveal them.
 */
public final class TableMasker {

    private final EncodedTable truth;
    private final RowRole[] roles;
    private final double featureProbability;
    private final double targetProbability;
    private final MaskSampler sampler;

    /**
     * @param truth the working table, test targets already hidden
     * @param roles the role of each row
     * @param featureProbability p_feature
     * @param targetProbability p_target
     * @param maskFraction share of picked cells masked rather than randomised
     */
    public TableMasker(EncodedTable truth, RowRole[] roles, double featureProbability,
            double targetProbability, double maskFraction) {
        if (roles.length != truth.rowCount()) {
            throw new IllegalArgumentException(roles.length + " roles for " + truth.rowCount() + " rows");
        }
        this.truth = truth;
        this.roles = roles.clone();
        this.featureProbability = featureProbability;
        this.targetProbability = targetProbability;
        this.sampler = new MaskSampler(maskFraction);
    }

    /**
     * Draws the training masks of one epoch. Target masking is drawn before feature masking, as in
     * the reference.
     *
     * @param rng the random source
     * @return the inputs and scored cells
     */
    public MaskedInputs trainingDraw(RandomGenerator rng) {
        TableSchema schema = truth.schema();
        int d = schema.columnCount();
        int n = truth.rowCount();
        float[][] cells = copyCells();
        boolean[][] targetScored = new boolean[d][n];
        boolean[][] featureScored = new boolean[d][n];

        boolean[][] trainTargets = observed(true, RowRole.TRAIN);
        if (targetProbability >= 1.0) {
            targetScored = trainTargets;
        } else {
            CellMask m = sampler.sample(trainTargets, targetProbability, rng);
            apply(cells, m, rng);
            targetScored = m.picked();
        }
        hideTargets(cells, RowRole.VALIDATION, RowRole.TEST);
        if (targetProbability >= 1.0) {
            hideTargets(cells, RowRole.TRAIN);
        }
        if (featureProbability > 0) {
            CellMask m = sampler.sample(observed(false, null), featureProbability, rng);
            apply(cells, m, rng);
            featureScored = m.picked();
        }
        return new MaskedInputs(cells, featureScored, targetScored);
    }

    /** @return the evaluation inputs: validation targets hidden and scored, nothing else masked */
    public MaskedInputs evaluationInputs() {
        int d = truth.columnCount();
        float[][] cells = copyCells();
        hideTargets(cells, RowRole.VALIDATION, RowRole.TEST);
        if (targetProbability >= 1.0) {
            hideTargets(cells, RowRole.TRAIN);
        }
        return new MaskedInputs(cells, new boolean[d][truth.rowCount()], observed(true, RowRole.VALIDATION));
    }

    /**
     * Builds the prediction input for context rows followed by query rows.
     *
     * @param contextAndQueries context rows first, then the rows to predict
     * @param contextRows how many leading rows are context
     * @param labelsVisible whether context targets are inputs (p_target &lt; 1)
     * @return input cells with query targets (and, unless visible, context targets) masked; the
     *     query rows' target cells are marked as scored
     */
    public static MaskedInputs forPrediction(EncodedTable contextAndQueries, int contextRows, boolean labelsVisible) {
        TableSchema schema = contextAndQueries.schema();
        int d = schema.columnCount();
        int n = contextAndQueries.rowCount();
        boolean[][] scored = new boolean[d][n];
        for (int j = 0; j < d; j++) {
            boolean target = schema.column(j).target();
            for (int i = contextRows; i < n; i++) {
                scored[j][i] = target;
            }
        }
        return new MaskedInputs(inputCells(contextAndQueries, contextRows, labelsVisible, false), new boolean[d][n], scored);
    }

    /**
     * Builds the input for filling the query rows' missing cells, in any column. Missing cells are
     * masked wherever they are, as in every mode. Context targets are as in {@link #forPrediction};
     * so are the query rows' observed targets, which are inputs when the context's are: with
     * p_target &lt; 1 the network learned from visible labels, while with p_target = 1 it never saw a
     * target value as an input, so they stay masked.
     *
     * @param contextAndQueries context rows first, then the rows whose missing cells are wanted
     * @param contextRows how many leading rows are context
     * @param labelsVisible whether targets are inputs (p_target &lt; 1)
     * @return input cells; no cell is scored
     */
    public static MaskedInputs forImputation(EncodedTable contextAndQueries, int contextRows, boolean labelsVisible) {
        int d = contextAndQueries.columnCount();
        int n = contextAndQueries.rowCount();
        return new MaskedInputs(inputCells(contextAndQueries, contextRows, labelsVisible, labelsVisible),
                new boolean[d][n], new boolean[d][n]);
    }

    /** The cells as they are, with target cells masked in the context and query rows unless visible there. */
    private static float[][] inputCells(EncodedTable contextAndQueries, int contextRows, boolean contextLabels,
            boolean queryLabels) {
        TableSchema schema = contextAndQueries.schema();
        float[][] cells = new float[schema.columnCount()][contextAndQueries.rowCount()];
        for (int j = 0; j < cells.length; j++) {
            boolean target = schema.column(j).target();
            for (int i = 0; i < cells[j].length; i++) {
                boolean visible = i >= contextRows ? queryLabels : contextLabels;
                cells[j][i] = target && !visible ? Float.NaN : contextAndQueries.cell(j, i);
            }
        }
        return cells;
    }

    private float[][] copyCells() {
        float[][] cells = new float[truth.columnCount()][truth.rowCount()];
        for (int j = 0; j < cells.length; j++) {
            for (int i = 0; i < cells[j].length; i++) {
                cells[j][i] = truth.cell(j, i);
            }
        }
        return cells;
    }

    /** Observed cells of target (or feature) columns in rows of the given role (or every row). */
    private boolean[][] observed(boolean targets, RowRole role) {
        TableSchema schema = truth.schema();
        boolean[][] out = new boolean[schema.columnCount()][truth.rowCount()];
        for (int j = 0; j < out.length; j++) {
            if (schema.column(j).target() != targets) {
                continue;
            }
            for (int i = 0; i < out[j].length; i++) {
                out[j][i] = (role == null || roles[i] == role) && !truth.isMissing(j, i);
            }
        }
        return out;
    }

    private void hideTargets(float[][] cells, RowRole... which) {
        TableSchema schema = truth.schema();
        for (int j = 0; j < cells.length; j++) {
            if (!schema.column(j).target()) {
                continue;
            }
            for (int i = 0; i < cells[j].length; i++) {
                for (RowRole r : which) {
                    if (roles[i] == r) {
                        cells[j][i] = Float.NaN;
                    }
                }
            }
        }
    }

    private void apply(float[][] cells, CellMask mask, RandomGenerator rng) {
        TableSchema schema = truth.schema();
        for (int j = 0; j < cells.length; j++) {
            ColumnSpec spec = schema.column(j);
            for (int i = 0; i < cells[j].length; i++) {
                if (!mask.picked()[j][i]) {
                    continue;
                }
                if (mask.randomised()[j][i]) {
                    cells[j][i] = spec.categorical()
                            ? rng.nextInt(spec.encoder().outputWidth())
                            : (float) rng.nextGaussian();
                } else {
                    cells[j][i] = Float.NaN;
                }
            }
        }
    }
}
