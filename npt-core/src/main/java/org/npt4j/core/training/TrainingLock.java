package org.npt4j.core.training;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The JVM-wide lock every NPT training run holds. DJL's PyTorch engine allows one gradient
 * collector per JVM, and seeding sets PyTorch's global generator, so two runs at once would either
 * fail or lose reproducibility. Adapters that train from several threads serialise here, so two
 * trainings in one JVM never compete for the cores: each runs on its own {@code threads} setting
 * in turn.
 *
 * <p>The lock is taken interruptibly, so a waiting run can be cancelled. The lock also lets the JVM
 * shut down cleanly mid-training: if the JVM exits while a run holds it, a shutdown hook interrupts
 * the training thread and waits (up to {@value #SHUTDOWN_WAIT_SECONDS} s) for it to leave its
 * native call and free its memory, since libtorch's static state is torn down at exit and a thread
 * still inside libtorch would then crash the process.
 */
final class TrainingLock {

    private static final Logger LOG = Logger.getLogger(TrainingLock.class.getName());
    static final long SHUTDOWN_WAIT_SECONDS = 30;
    private static final ReentrantLock LOCK = new ReentrantLock(true);
    private static volatile Thread trainer;
    private static boolean hookInstalled;

    private TrainingLock() {}

    /**
     * @param work the training run
     * @param <T> its result type
     * @return its result
     * @throws NptTrainingInterruptedException if the thread is interrupted while waiting for the lock
     */
    public static <T> T run(Supplier<T> work) {
        installShutdownHook();
        try {
            LOCK.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NptTrainingInterruptedException("Interrupted while waiting for another NPT training run to finish");
        }
        // Reentrant: a fit holds the lock around its session's calls, which take it again.
        Thread outer = trainer;
        trainer = Thread.currentThread();
        try {
            return work.get();
        } finally {
            trainer = outer;
            LOCK.unlock();
        }
    }

    private static synchronized void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(TrainingLock::stopForShutdown, "npt4j-training-shutdown"));
            hookInstalled = true;
        }
    }

    /** Interrupts a running training and waits for it to end; holds the lock so that none starts. */
    private static void stopForShutdown() {
        Thread running = trainer;
        if (running != null) {
            running.interrupt();
        }
        try {
            if (!LOCK.tryLock(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("NPT training did not stop within " + SHUTDOWN_WAIT_SECONDS + " s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
