package org.npt4j.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs element-wise work over a list of arrays on a few host threads, in fixed chunks.
 *
 * <p>The chunk boundaries depend only on the arrays' lengths, never on the number of threads, and
 * each chunk writes its own slot of any partial sums; the caller adds the slots in chunk order. A
 * sum is therefore the same to the last bit whatever the thread count and however the threads are
 * scheduled, which keeps training deterministic on a busy machine.
 */
final class HostChunks {

    /** Elements per chunk: large enough that a chunk's bookkeeping is negligible, small enough to balance. */
    static final int CHUNK = 1 << 16;
    /** Below this many elements in all, the work runs on the calling thread: handing it over costs more. */
    private static final long INLINE_BELOW = 1L << 17;

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static volatile ExecutorService pool;

    /** What to do with one chunk: array {@code array}, elements {@code [from, to)}, partial-sum slot {@code chunk}. */
    @FunctionalInterface
    interface ChunkWork {
        void run(int array, int from, int to, int chunk);
    }

    private final int[] chunkArray;
    private final int[] chunkFrom;
    private final int[] chunkTo;
    private final int[] firstChunk;
    private final long elements;

    /** @param lengths the element count of each array, in the order the work addresses them */
    HostChunks(long[] lengths) {
        List<int[]> chunks = new ArrayList<>();
        firstChunk = new int[lengths.length + 1];
        long total = 0;
        for (int a = 0; a < lengths.length; a++) {
            if (lengths[a] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("array " + a + " has " + lengths[a] + " elements, more than a host buffer can address");
            }
            firstChunk[a] = chunks.size();
            for (int from = 0; from < lengths[a]; from += CHUNK) {
                chunks.add(new int[] {a, from, (int) Math.min(lengths[a], (long) from + CHUNK)});
            }
            total += lengths[a];
        }
        firstChunk[lengths.length] = chunks.size();
        chunkArray = chunks.stream().mapToInt(c -> c[0]).toArray();
        chunkFrom = chunks.stream().mapToInt(c -> c[1]).toArray();
        chunkTo = chunks.stream().mapToInt(c -> c[2]).toArray();
        elements = total;
    }

    /** @return the number of chunks, the size of a partial-sum array */
    int chunks() {
        return chunkArray.length;
    }

    /** @return the first chunk of array {@code a}; its chunks are {@code [firstChunk(a), firstChunk(a + 1))} */
    int firstChunk(int a) {
        return firstChunk[a];
    }

    /**
     * Runs {@code work} on every chunk and returns when all are done, also when the calling thread
     * is interrupted meanwhile: the work writes into native memory that the caller frees once it
     * stops, so returning while a helper thread still writes would corrupt the native heap. An
     * interrupt is kept on the thread for the caller to act on between steps.
     *
     * @param threads how many threads may share the work: the training thread's intra-op count,
     *     which the run's {@code threads} setting fixes; the calling thread is one of them
     * @param work the work for one chunk
     */
    void forEach(int threads, ChunkWork work) {
        int n = chunkArray.length;
        int parts = (int) Math.min(Math.max(1, threads), n);
        if (parts <= 1 || elements < INLINE_BELOW) {
            runRange(work, 0, n);
            return;
        }
        ExecutorService executor = pool();
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        // Contiguous runs of chunks with about equal element counts; the caller's thread takes the last.
        int[] bounds = balancedBounds(parts);
        try {
            for (int p = 0; p < parts - 1; p++) {
                int from = bounds[p];
                int to = bounds[p + 1];
                futures.add(executor.submit(() -> runRange(work, from, to)));
            }
            runRange(work, bounds[parts - 1], n);
        } finally {
            awaitAll(futures);
        }
    }

    /** Waits for every helper, interrupt or not; then restores the interrupt and reports the first failure. */
    private static void awaitAll(List<Future<?>> futures) {
        boolean interrupted = false;
        Throwable failure = null;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("parameter update failed: " + failure, failure);
        }
    }

    private void runRange(ChunkWork work, int from, int to) {
        for (int c = from; c < to; c++) {
            work.run(chunkArray[c], chunkFrom[c], chunkTo[c], c);
        }
    }

    private int[] balancedBounds(int parts) {
        int[] bounds = new int[parts + 1];
        long done = 0;
        int p = 1;
        for (int c = 0; c < chunkArray.length && p < parts; c++) {
            done += chunkTo[c] - chunkFrom[c];
            if (done * parts >= elements * p) {
                bounds[p++] = c + 1;
            }
        }
        while (p <= parts) {
            bounds[p++] = chunkArray.length;
        }
        return bounds;
    }

    /**
     * One pool for the JVM, as many threads as processors: a fixed pool starts its threads only as
     * work arrives, so a pool larger than any caller asks for costs nothing, and trainings running
     * side by side share it instead of each adding threads to the machine.
     */
    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (HostChunks.class) {
                if (pool == null) {
                    ThreadFactory factory = r -> {
                        Thread t = new Thread(r, "npt4j-optimizer-" + THREAD_NUMBER.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    };
                    pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), factory);
                }
                p = pool;
            }
        }
        return p;
    }
}
