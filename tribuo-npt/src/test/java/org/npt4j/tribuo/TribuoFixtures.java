package org.npt4j.tribuo;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.EVALUATION_INTERVAL;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.List;
import java.util.SplittableRandom;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.demo.BundledDatasets;
import org.npt4j.core.table.Table;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

/** Tribuo datasets from the bundled data, as Tribuo's loaders would shape them, and tiny settings. */
final class TribuoFixtures {

    private TribuoFixtures() {}

    /** @return a tiny, fast configuration for tests */
    static NptConfig.Builder tiny() {
        return NptConfig.builder(Preset.CPU_FAST).set(EMBEDDING_DIM, 8).set(DEPTH, 2).set(HEADS, 2).set(STEPS, 25)
                .set(BATCH_SIZE, 0).set(EVALUATION_INTERVAL, 5).set(VALIDATION_FRACTION, 0.1).set(LEARNING_RATE, 1e-2).set(SEED, 7L);
    }

    static <T extends Output<T>> MutableDataset<T> dataset(List<Example<T>> examples, OutputFactory<T> factory, String name) {
        return new MutableDataset<>(source(examples, factory, name));
    }

    static <T extends Output<T>> ListDataSource<T> source(List<Example<T>> examples, OutputFactory<T> factory, String name) {
        return new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance(name, factory));
    }

    /** @return the dataset's examples as a data source, for Tribuo's splitters */
    static <T extends Output<T>> ListDataSource<T> source(MutableDataset<T> data) {
        return source(data.getData(), data.getOutputFactory(), "split-source");
    }

    /** @return n rows of Breast Cancer (a fixed random subset), label M or B */
    static MutableDataset<Label> breastCancer(int n) {
        return TableDatasets.classification(subset(BundledDatasets.breastCancer(), n), BundledDatasets.BREAST_CANCER_TARGET,
                "breast-cancer");
    }

    /** @return n rows of Boston housing (a fixed random subset), MEDV; CHAS and RAD arrive one-hot */
    static MutableDataset<Regressor> boston(int n) {
        return TableDatasets.regression(subset(BundledDatasets.boston(), n), List.of(BundledDatasets.BOSTON_TARGET), "boston");
    }

    /** @return n rows of Boston housing with two regression dimensions, MEDV and LSTAT */
    static MutableDataset<Regressor> bostonTwoDimensions(int n) {
        return TableDatasets.regression(subset(BundledDatasets.boston(), n), List.of("LSTAT", "MEDV"), "boston-2d");
    }

    static Table subset(Table t, int n) {
        int[] rows = new SplittableRandom(3).ints(0, t.rowCount()).distinct().limit(Math.min(n, t.rowCount())).toArray();
        return t.selectRows(rows);
    }
}
