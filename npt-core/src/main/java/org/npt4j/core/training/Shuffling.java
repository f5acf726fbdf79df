package org.npt4j.core.training;

import java.util.List;
import java.util.random.RandomGenerator;

/** Fisher–Yates shuffling driven by an explicit random source, so that seeds decide everything. */
final class Shuffling {

    private Shuffling() {}

    /**
     * @param list shuffled in place
     * @param rng the random source
     * @param <T> element type
     */
    static <T> void shuffle(List<T> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
