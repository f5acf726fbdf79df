package org.npt4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npt4j.core.Settings.ATTENTION_BETWEEN_DATAPOINTS;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.FEATURE_INDEX_EMBEDDING;

import org.junit.jupiter.api.Test;
import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;

/**
 * The parameter tensors counted without building the network are the real ones, so that checking a
 * model's weights against them never refuses a model that fits (the scalars are checked against
 * built networks in {@code MemoryEstimateTest}).
 */
class ParameterCensusTest {

    private static void assertExact(NptConfig config, ColumnLayout layout) {
        assertEquals(new NptNetwork(layout, config).getParameters().size(), ParameterCensus.of(layout, config).tensors(),
                () -> config.describe() + " over " + layout);
    }

    @Test
    void theCountIsExactForEveryKindOfNetwork() {
        ColumnLayout mixed = new ColumnLayout(new int[] {2, 4, 2, 3, 2}, new boolean[] {false, true, false, true, false});
        ColumnLayout numerical = new ColumnLayout(new int[] {2, 2, 2}, new boolean[3]);
        ColumnLayout categorical = new ColumnLayout(new int[] {3, 5}, new boolean[] {true, true});
        for (ColumnLayout layout : new ColumnLayout[] {mixed, numerical, categorical}) {
            for (int depth : new int[] {2, 4, 8}) {
                NptConfig config = Fixtures.tiny().set(DEPTH, depth).build();
                assertExact(config, layout);
                assertExact(config.toBuilder().set(ATTENTION_BETWEEN_DATAPOINTS, false).set(FEATURE_INDEX_EMBEDDING, false)
                        .build(), layout);
            }
        }
    }
}
