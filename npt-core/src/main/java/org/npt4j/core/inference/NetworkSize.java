package org.npt4j.core.inference;

import static org.npt4j.core.Settings.DEPTH;

import java.util.Arrays;
import org.npt4j.core.NptConfig;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.model.NptNetwork;

/**
 * How many parameters (tensors, not scalars) the network of some settings and columns has, found
 * without building it: a crafted depth or column count must be refused before a network of that
 * size is built, since each parameter costs a few hundred bytes of heap. The count is affine in
 * the depth and the column count (every layer and every column brings the same blocks), so three
 * tiny networks, of one or two more columns and two more layers, give it. Were it not affine,
 * more parameters per column in deeper networks, say, the estimate would fall short of the real
 * count: a check against it stays a lower bound and never refuses a model that fits.
 */
final class NetworkSize {

    private NetworkSize() {}

    /**
     * @param config the settings
     * @param layout the columns
     * @return the number of parameters the network has (or, were the architecture to change, at most that)
     * @throws IllegalArgumentException if the settings describe no network
     */
    static long parameters(NptConfig config, ColumnLayout layout) {
        // Keep what the prototypes' parameters depend on besides size: whether both column types occur.
        boolean mixed = layout.mixedTypes();
        boolean type = layout.columnCount() > 0 && layout.categorical()[0];
        boolean[] base = mixed ? new boolean[] {false, true} : new boolean[] {type};
        boolean[] wider = Arrays.copyOf(base, base.length + 1);
        wider[base.length] = type;
        long small = count(config, base, 2);
        long perColumn = count(config, wider, 2) - small;
        long perTwoLayers = count(config, base, 4) - small;
        long depth = config.get(DEPTH);
        return small + (layout.columnCount() - base.length) * perColumn + (depth - 2) / 2 * perTwoLayers;
    }

    private static long count(NptConfig config, boolean[] categorical, int depth) {
        int[] widths = new int[categorical.length];
        Arrays.fill(widths, 2);
        NptConfig prototype = config.toBuilder().set(DEPTH, depth).build();
        return new NptNetwork(new ColumnLayout(widths, categorical), prototype).getParameters().size();
    }
}
