package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Seeded mutations of a saved model, and a run that loads each one: truncations, bit flips,
 * 4-byte fields set to huge or negative counts, random byte runs written over or inserted. Loading
 * must return or throw an exception the caller calls clear; never an {@link Error}
 * ({@link OutOfMemoryError} included), never a hang. Shared
 * with the adapters' tests, which fuzz their own model formats.
 *
 * <p>Case {@code i} of a run with seed {@code s} is drawn from {@code new SplittableRandom(s + i)}
 * alone, and failures name it, so a failing case reruns on its own.
 */
public final class ModelFuzzer {

    /** Loads mutated bytes; returning means they loaded. */
    @FunctionalInterface
    public interface Loader {
        /**
         * @param data the mutated bytes
         * @throws Exception when the bytes are refused
         */
        void load(byte[] data) throws Exception;
    }

    /**
     * @param cases cases run
     * @param loaded cases that loaded (mutations that happened to be harmless)
     * @param refused cases refused with a clear exception
     * @param slowestMillis the longest case
     * @param totalMillis all cases together
     */
    public record Report(int cases, int loaded, int refused, long slowestMillis, long totalMillis) {}

    /** Counts a corrupted 4-byte field may be set to. */
    private static final int[] HOSTILE_COUNTS = {
        Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0x7FFF_FFF0, 1 << 30, 1 << 24, 65_536};
    /**
     * Far above the tens of milliseconds a case takes, so that a machine busy with other work does
     * not fail the run, yet a case stuck in a loop or a huge allocation does.
     */
    private static final long CASE_LIMIT_MILLIS = 5000;
    /** Cases per preemptive time bound: a case that never returns fails its batch. */
    private static final int BATCH = 50;
    private static final Duration BATCH_LIMIT = Duration.ofMinutes(1);

    private final byte[] original;
    private final int[] structure;

    /**
     * @param original the model's bytes
     * @param structure offsets where counts, lengths and headers lie (mutations favour them over
     *     bulk data such as weight values, where almost any change is harmless)
     */
    public ModelFuzzer(byte[] original, BitSet structure) {
        this.original = original.clone();
        this.structure = structure.stream().toArray();
    }

    /**
     * @param data a saved npt4j model or a message that contains one
     * @return the offsets of its structure: everything up to the weight values, then around each
     *     saved array's header (parameter record, block metadata, shape and byte count)
     */
    public static BitSet npt4jStructure(byte[] data) {
        BitSet s = new BitSet(data.length);
        byte[] array = {0, 4, 'N', 'D', 'A', 'R'};
        int first = indexOf(data, array, 0);
        s.set(0, first < 0 ? data.length : Math.max(0, first - 64));
        for (int m = first; m >= 0; m = indexOf(data, array, m + 1)) {
            s.set(Math.max(0, m - 64), Math.min(data.length, m + 80));
        }
        return s;
    }

    /**
     * @param data bytes
     * @param text ASCII text
     * @return the first offset of the text in the bytes, or -1
     */
    public static int indexOf(byte[] data, String text) {
        return indexOf(data, text.getBytes(StandardCharsets.US_ASCII), 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * @param index the case number
     * @param seed the run's seed
     * @return the case's bytes and what was done to them
     */
    public Mutation mutation(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed + index);
        byte[] data = original.clone();
        int kind = r.nextInt(6);
        switch (kind) {
            case 0 -> {
                int at = r.nextInt(data.length);
                return new Mutation(index, "truncated to " + at + " bytes", Arrays.copyOf(data, at));
            }
            case 1, 2 -> {
                int flips = kind == 1 ? 1 : 2 + r.nextInt(7);
                StringBuilder where = new StringBuilder();
                for (int f = 0; f < flips; f++) {
                    int at = offset(r, data.length);
                    int bit = r.nextInt(8);
                    data[at] ^= (byte) (1 << bit);
                    where.append(' ').append(at).append('.').append(bit);
                }
                return new Mutation(index, flips + " bit flips at" + where, data);
            }
            case 3 -> {
                int at = Math.min(offset(r, data.length), data.length - 4);
                int value = r.nextInt(3) == 0 ? (1 << 16) + r.nextInt(Integer.MAX_VALUE - (1 << 16))
                        : HOSTILE_COUNTS[r.nextInt(HOSTILE_COUNTS.length)];
                ByteBuffer.wrap(data).putInt(at, value);
                return new Mutation(index, "int at " + at + " set to " + value, data);
            }
            case 4 -> {
                int at = offset(r, data.length);
                int n = Math.min(1 + r.nextInt(64), data.length - at);
                for (int k = 0; k < n; k++) {
                    data[at + k] = (byte) r.nextInt(256);
                }
                return new Mutation(index, n + " random bytes written at " + at, data);
            }
            default -> {
                int at = offset(r, data.length);
                byte[] run = new byte[1 + r.nextInt(16)];
                r.nextBytes(run);
                byte[] longer = new byte[data.length + run.length];
                System.arraycopy(data, 0, longer, 0, at);
                System.arraycopy(run, 0, longer, at, run.length);
                System.arraycopy(data, at, longer, at + run.length, data.length - at);
                return new Mutation(index, run.length + " random bytes inserted at " + at, longer);
            }
        }
    }

    /** Three times in four a structure offset, otherwise anywhere. */
    private int offset(SplittableRandom r, int length) {
        return structure.length > 0 && r.nextInt(4) > 0 ? structure[r.nextInt(structure.length)] : r.nextInt(length);
    }

    /**
     * @param index the case number
     * @param description what was done
     * @param data the mutated bytes
     */
    public record Mutation(int index, String description, byte[] data) {}

    /**
     * Loads {@code cases} mutations, in batches each bounded in time (a hang fails the batch).
     *
     * @param seed the run's seed
     * @param cases how many cases
     * @param loader loads one case
     * @param clear whether an exception is one of the clear ones loading may end in
     * @return what happened
     */
    public Report run(long seed, int cases, Loader loader, Predicate<Exception> clear) {
        long[] slowest = {0};
        int[] loaded = {0};
        long start = System.nanoTime();
        for (int from = 0; from < cases; from += BATCH) {
            int batchStart = from;
            int batchEnd = Math.min(cases, from + BATCH);
            assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                for (int i = batchStart; i < batchEnd; i++) {
                    Mutation m = mutation(seed, i);
                    long t = System.nanoTime();
                    if (runCase(m, loader, clear, seed)) {
                        loaded[0]++;
                    }
                    long millis = (System.nanoTime() - t) / 1_000_000;
                    if (millis > CASE_LIMIT_MILLIS) {
                        fail(name(m, seed) + " took " + millis + " ms");
                    }
                    slowest[0] = Math.max(slowest[0], millis);
                }
            }, () -> "cases " + batchStart + " to " + (batchEnd - 1) + " of seed " + seed + " did not finish in time");
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        return new Report(cases, loaded[0], cases - loaded[0], slowest[0], total);
    }

    /** @return true if the case loaded */
    private static boolean runCase(Mutation m, Loader loader, Predicate<Exception> clear, long seed) {
        try {
            loader.load(m.data());
            return true;
        } catch (Exception e) {
            if (!clear.test(e)) {
                throw new AssertionError(name(m, seed) + " ended in an unclear " + e, e);
            }
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError(name(m, seed) + " ended in " + e.getClass().getName() + " without a message", e);
            }
            return false;
        } catch (AssertionError e) {
            throw e;
        } catch (Error e) {
            throw new AssertionError(name(m, seed) + " ended in " + e, e);
        }
    }

    private static String name(Mutation m, long seed) {
        return "case " + m.index() + " of seed " + seed + " (" + m.description() + ")";
    }
}
