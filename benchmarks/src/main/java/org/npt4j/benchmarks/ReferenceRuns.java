package org.npt4j.benchmarks;

import java.util.List;

/**
 * What the NPT reference (OATML/non-parametric-transformers at a399360, unchanged, PyTorch 1.13.1 on
 * a 2-core x86_64 CPU) reached on the same split and settings, two runs per data set (its torch
 * weights are not seeded, so runs differ). Copied from the research note
 * {@code /work/shared/research/reference-parity.md}, "What the reference reached"; NaN where the
 * note records nothing.
 */
final class ReferenceRuns {

    /** Where the numbers come from, for the report. */
    static final String SOURCE = "research note `reference-parity.md` (OATML/non-parametric-transformers@a399360, "
            + "PyTorch 1.13.1, 2-core x86_64 CPU), table \"What the reference reached\"";

    /**
     * One run of the reference.
     *
     * @param name A or B
     * @param keptStep the step whose weights were kept (best validation target loss)
     * @param testAccuracy test accuracy at the kept step (classification)
     * @param testAuroc test AUROC at the kept step (classification)
     * @param validationRmse validation RMSE in $1000 at the kept step (regression)
     * @param testRmse test RMSE in $1000 at the kept step (regression)
     */
    record Run(String name, int keptStep, double testAccuracy, double testAuroc, double validationRmse, double testRmse) {}

    private static final double NONE = Double.NaN;

    private ReferenceRuns() {}

    /**
     * @param c the data set
     * @return the reference's runs A and B on it
     */
    static List<Run> of(ParityCase c) {
        return switch (c) {
            case BREAST_CANCER -> List.of(
                    new Run("A", 100, 1.000, 1.000, NONE, NONE),
                    new Run("B", 90, 0.982, 1.000, NONE, NONE));
            case BOSTON -> List.of(
                    new Run("A", 40, NONE, NONE, 5.480, 5.227),
                    new Run("B", 40, NONE, NONE, 5.382, 5.169));
        };
    }

    /**
     * @param c the data set
     * @return the reference's learning curve of run B, as the note gives it (test metrics of the
     *     current model, not the validation loss)
     */
    static String curve(ParityCase c) {
        return switch (c) {
            case BREAST_CANCER -> "run B, test accuracy of the current model: 0.614 up to step 30, 0.965 at 40, 0.982 from 50 on; "
                    + "AUROC 0.881 at step 10, 1.000 from 20 on";
            case BOSTON -> "run B, test RMSE of the current model at steps 10 / 20 / 30 / 40: 7.70 / 7.01 / 5.30 / 5.17";
        };
    }
}
