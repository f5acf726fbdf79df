package org.npt4j.experiments.protocol;

import java.io.Serializable;
import java.util.Arrays;
import org.npt4j.core.table.RowRole;

/**
 * One fold of a protocol: which table rows each trainer trains on, which pick NPT's checkpoint, and
 * which are scored. Row indices refer to the source table; the three sets are disjoint.
 *
 * @param index the fold's number, from 0, counted across repetitions: the fold's identity in every file
 * @param repeat the repetition of the protocol it belongs to, from 0 (always 0 for a protocol that does not repeat)
 * @param train rows every trainer learns from
 * @param validation rows for NPT's checkpoint selection (empty when the protocol has none, in which
 *        case NPT holds out its own {@code validationFraction} of {@code train})
 * @param test rows every trainer is scored on
 */
public record Split(int index, int repeat, int[] train, int[] validation, int[] test) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A fold of a protocol that does not repeat.
     *
     * @param index the fold's number, from 0
     * @param train rows every trainer learns from
     * @param validation rows for NPT's checkpoint selection, or none
     * @param test rows every trainer is scored on
     */
    public Split(int index, int[] train, int[] validation, int[] test) {
        this(index, 0, train, validation, test);
    }

    /**
     * @param rows the number of rows in the source table
     * @return each row's role in NPT's core: train rows TRAIN, validation rows VALIDATION, test rows TEST
     * @throws IllegalArgumentException if a row is outside the table, in two sets, or in none
     */
    public RowRole[] roles(int rows) {
        RowRole[] roles = new RowRole[rows];
        assign(roles, train, RowRole.TRAIN);
        assign(roles, validation, RowRole.VALIDATION);
        assign(roles, test, RowRole.TEST);
        for (int i = 0; i < rows; i++) {
            if (roles[i] == null) {
                throw new IllegalArgumentException("row " + i + " is in none of train, validation and test");
            }
        }
        return roles;
    }

    private static void assign(RowRole[] roles, int[] rows, RowRole role) {
        for (int r : rows) {
            if (r < 0 || r >= roles.length) {
                throw new IllegalArgumentException("row " + r + " is outside a table of " + roles.length + " rows");
            }
            if (roles[r] != null) {
                throw new IllegalArgumentException("row " + r + " is both " + roles[r] + " and " + role);
            }
            roles[r] = role;
        }
    }

    /** @return whether the protocol gives a validation set */
    public boolean hasValidation() {
        return validation.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && s.index == index && s.repeat == repeat && Arrays.equals(s.train, train)
                && Arrays.equals(s.validation, validation) && Arrays.equals(s.test, test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * index + repeat) + Arrays.hashCode(train)) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split " + index + (repeat > 0 ? " (repeat " + repeat + ")" : "") + ": " + train.length + " train, "
                + validation.length + " validation, " + test.length + " test";
    }
}
