package org.npt4j.core.masking;

/**
 * The cells chosen by one masking draw, column-major ({@code [column][row]}): every picked cell is
 * scored by the loss; the randomised ones keep mask bit 0 and carry a random value instead of zeros.
 *
 * @param picked the chosen cells
 * @param randomised the subset of picked cells that is randomised rather than masked
 */
record CellMask(boolean[][] picked, boolean[][] randomised) {

    /** @return the number of picked cells */
    public int pickedCount() {
        return count(picked);
    }

    /** @return the number of randomised cells */
    public int randomisedCount() {
        return count(randomised);
    }

    private static int count(boolean[][] cells) {
        int n = 0;
        for (boolean[] col : cells) {
            for (boolean b : col) {
                if (b) {
                    n++;
                }
            }
        }
        return n;
    }
}
