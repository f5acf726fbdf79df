package org.npt4j.core.inference;

import static org.npt4j.core.Settings.DEVICE;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.npt4j.core.DeviceSpec;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Devices;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.engine.NativeHeap;
import org.npt4j.core.model.ColumnLayout;

/**
 * A model's weights in native memory, loaded on first use and freed when idle: the lifecycle part
 * of {@link NptModel}. It is shared between the model and its cleaner, so it must not refer back
 * to the model, or the model could never become unreachable.
 *
 * <p>A session left unused for {@value NptModel#IDLE_RELEASE_PROPERTY} milliseconds (default
 * {@value NptModel#DEFAULT_IDLE_RELEASE_MILLIS}) is closed, so that models kept around after use
 * (every fold model of a cross-validation, say) do not pile up native memory; the next prediction
 * loads the weights again. Predictions hold the read lock; closing takes the write lock, so it
 * waits for predictions in progress.
 */
final class NativeSession {

    /** Sessions with loaded weights; sessions only, never models, so that models stay collectable. */
    private static final Set<NativeSession> LOADED = ConcurrentHashMap.newKeySet();

    private final NptConfig config;
    private final ColumnLayout layout;
    private final byte[] weights;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private InferenceSession session;
    private long lastUse;
    private boolean releaseScheduled;

    NativeSession(NptConfig config, ColumnLayout layout, byte[] weights) {
        this.config = config;
        this.layout = layout;
        this.weights = weights;
    }

    /** @return the lock a prediction holds while it uses {@link #open()}'s session */
    Lock useLock() {
        return lock.readLock();
    }

    /** Called with {@link #useLock()} held. */
    synchronized InferenceSession open() {
        if (session == null) {
            DeviceSpec requested = DeviceSpec.parse(config.get(DEVICE));
            Engine engine = Engines.pytorch(requested);
            Device device = Devices.resolve(requested, engine);
            session = InferenceSession.open(engine, device, config, layout, weights);
            LOADED.add(this);
        }
        lastUse = System.nanoTime();
        if (!releaseScheduled) {
            releaseScheduled = true;
            IdleRelease.schedule(this::releaseIfIdle, idleMillis());
        }
        return session;
    }

    synchronized boolean loaded() {
        return session != null;
    }

    /** Runs on the release thread; a prediction in progress holds the read lock and defers the release. */
    private void releaseIfIdle() {
        long idle = idleMillis();
        if (lock.writeLock().tryLock()) {
            try {
                synchronized (this) {
                    long unused = (System.nanoTime() - lastUse) / 1_000_000;
                    if (unused >= idle) {
                        closeSession();
                        releaseScheduled = false;
                        return;
                    }
                    IdleRelease.schedule(this::releaseIfIdle, idle - unused);
                    return;
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
        IdleRelease.schedule(this::releaseIfIdle, idle);
    }

    private static long idleMillis() {
        String v = System.getProperty(NptModel.IDLE_RELEASE_PROPERTY);
        try {
            return v == null ? NptModel.DEFAULT_IDLE_RELEASE_MILLIS : Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return NptModel.DEFAULT_IDLE_RELEASE_MILLIS;
        }
    }

    private synchronized void closeSession() {
        if (session != null) {
            session.close();
            session = null;
            LOADED.remove(this);
            NativeHeap.release();
        }
    }

    /** Frees the weights, waiting for predictions in progress. */
    void close() {
        lock.writeLock().lock();
        try {
            closeSession();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Frees the weights of every session in the JVM. */
    static void closeAll() {
        for (NativeSession s : LOADED) {
            s.close();
        }
    }

    /** One daemon thread for all models' idle releases. */
    private static final class IdleRelease {
        private static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "npt4j-idle-release");
            t.setDaemon(true);
            return t;
        });

        static void schedule(Runnable task, long delayMillis) {
            EXECUTOR.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }
}
