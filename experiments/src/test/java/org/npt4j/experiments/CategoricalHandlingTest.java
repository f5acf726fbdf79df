package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npt4j.core.Preset;
import org.npt4j.core.NptConfig;
import org.npt4j.tribuo.NptRegressionTrainer;
import org.npt4j.tribuo.NptTribuoModel;
import org.npt4j.tribuo.TableDatasets;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

/** Categorical columns reach NPT as categorical columns and the other trainers as one-hot features. */
class CategoricalHandlingTest {

    @Test
    void bostonsChasAndRadAreOneHotForTribuoAndCategoricalForNpt() {
        TableSource boston;
        try (ConfigurationManager cm = new ConfigurationManager("configs/boston-paper-protocol-cpu-preset.xml")) {
            boston = (TableSource) cm.lookup("boston");
        }
        assertEquals(List.of("CHAS", "RAD"), boston.categoricalFeatures());
        MutableDataset<Regressor> data = TableDatasets.regression(boston.table(), List.of("MEDV"), "boston");
        // The form Tribuo's XGBoost, tree and linear trainers take: one 0/1 feature per category.
        assertTrue(data.getFeatureMap().get("CHAS@0") != null && data.getFeatureMap().get("RAD@1") != null);
        assertEquals(null, data.getFeatureMap().get("CHAS"));

        NptConfig tiny = NptConfig.builder(Preset.CPU_FAST).set(EMBEDDING_DIM, 4).set(DEPTH, 2).set(HEADS, 1).set(STEPS, 2).set(SEED, 1L).build();
        try (NptTribuoModel<Regressor> model = new NptRegressionTrainer(tiny).train(data, null, Map.of(), null)) {
            assertEquals(List.of("CHAS", "RAD"), model.featureLayout().categoricalColumns());
            assertEquals(13, model.featureLayout().columnNames().size(), "one column per original feature");
        }
    }
}
