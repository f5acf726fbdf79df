package org.npt4j.core.training;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The JVM-wide lock every NPT training run holds. DJL's PyTorch engine allows one gradient
 * collector per JVM, and seeding sets PyTorch's global generator, so two runs at once would either
 * fail or lose reproducibility. Adapters that train from several threads serialise here.
 */
final class TrainingLock {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private TrainingLock() {}

    /**
     * @param work the training run
     * @param <T> its result type
     * @return its result
     */
    public static <T> T run(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }
}
