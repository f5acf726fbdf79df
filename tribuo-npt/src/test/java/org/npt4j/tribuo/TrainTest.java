package org.npt4j.tribuo;

import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.evaluation.TrainTestSplitter;

/**
 * A dataset split in two by Tribuo's own splitter, as a user would split it.
 *
 * @param train the first part, {@code trainShare} of the rows
 * @param test the rest
 */
record TrainTest<T extends Output<T>>(MutableDataset<T> train, MutableDataset<T> test) {

    /**
     * @param data the rows to split
     * @param trainShare the share of rows in {@link #train}
     * @param seed the splitter's seed
     * @return the two parts
     */
    static <T extends Output<T>> TrainTest<T> split(MutableDataset<T> data, double trainShare, long seed) {
        TrainTestSplitter<T> split = new TrainTestSplitter<>(TribuoFixtures.source(data), trainShare, seed);
        return new TrainTest<>(new MutableDataset<>(split.getTrain()), new MutableDataset<>(split.getTest()));
    }
}
