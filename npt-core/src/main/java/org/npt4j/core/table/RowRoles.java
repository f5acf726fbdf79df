package org.npt4j.core.table;

import java.util.Arrays;
import java.util.EnumSet;

/** Small operations on per-row {@link RowRole} arrays. */
public final class RowRoles {

    private RowRoles() {}

    /**
     * @param rows number of rows
     * @param role the role for every row
     * @return an array of {@code rows} copies of {@code role}
     */
    public static RowRole[] filled(int rows, RowRole role) {
        RowRole[] out = new RowRole[rows];
        Arrays.fill(out, role);
        return out;
    }

    /**
     * @param roles one role per row
     * @param wanted the roles to select
     * @return the indices of the rows whose role is one of {@code wanted}, ascending
     */
    public static int[] indicesOf(RowRole[] roles, RowRole... wanted) {
        EnumSet<RowRole> set = EnumSet.noneOf(RowRole.class);
        set.addAll(Arrays.asList(wanted));
        int[] out = new int[roles.length];
        int n = 0;
        for (int i = 0; i < roles.length; i++) {
            if (set.contains(roles[i])) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
