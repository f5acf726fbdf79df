package org.npt4j.core.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The memory this process can still allocate on Linux: the smaller of what its cgroup leaves
 * (limit minus usage; a container's limit, where the kernel's OOM killer strikes first) and the
 * host's {@code MemAvailable} from {@code /proc/meminfo}. Empty where neither can be read (other
 * systems, restricted file systems), so that callers can skip rather than guess.
 *
 * <p>Usage in a cgroup counts the page cache of files read, which the kernel reclaims before it
 * kills anything; the inactive part of that cache ({@code memory.stat}) is therefore subtracted
 * from the usage, as container runtimes do when they report a working set.
 *
 * <p>The parsers take the files' text, so that they can be tested with samples.
 */
final class AvailableMemory {

    /** cgroup v1 writes "no limit" as the largest page-aligned long; anything this large is no limit. */
    private static final long V1_UNLIMITED = 1L << 62;

    private AvailableMemory() {}

    /** @return the bytes this process can still allocate, or empty where that cannot be read */
    static OptionalLong ofThisProcess() {
        return read(Path.of("/proc/meminfo"), Path.of("/sys/fs/cgroup"));
    }

    /**
     * @param meminfo the {@code /proc/meminfo} file
     * @param cgroupRoot the cgroup file system: v2 files in it, or v1 files in its {@code memory} folder
     * @return the smaller of the cgroup's headroom and {@code MemAvailable}, whichever can be read
     */
    static OptionalLong read(Path meminfo, Path cgroupRoot) {
        OptionalLong host = text(meminfo).map(AvailableMemory::memAvailable).orElse(OptionalLong.empty());
        Optional<String> v2Max = text(cgroupRoot.resolve("memory.max"));
        OptionalLong cgroup;
        if (v2Max.isPresent()) {
            cgroup = text(cgroupRoot.resolve("memory.current"))
                    .map(current -> cgroupV2(v2Max.get(), current, text(cgroupRoot.resolve("memory.stat")).orElse("")))
                    .orElse(OptionalLong.empty());
        } else {
            Path v1 = cgroupRoot.resolve("memory");
            Optional<String> limit = text(v1.resolve("memory.limit_in_bytes"));
            Optional<String> usage = text(v1.resolve("memory.usage_in_bytes"));
            cgroup = limit.isPresent() && usage.isPresent()
                    ? cgroupV1(limit.get(), usage.get(), text(v1.resolve("memory.stat")).orElse(""))
                    : OptionalLong.empty();
        }
        return smaller(host, cgroup);
    }

    /**
     * @param meminfo the text of {@code /proc/meminfo}
     * @return its {@code MemAvailable} in bytes, or empty if absent (kernels before 3.14)
     */
    static OptionalLong memAvailable(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemAvailable:")) {
                String[] parts = line.substring("MemAvailable:".length()).trim().split("\\s+");
                long value = parse(parts[0]);
                if (value < 0) {
                    return OptionalLong.empty();
                }
                boolean kilobytes = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
                return OptionalLong.of(kilobytes ? value * 1024 : value);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * @param max the text of {@code memory.max}: bytes, or {@code max} for no limit
     * @param current the text of {@code memory.current}
     * @param stat the text of {@code memory.stat}, or "" if unreadable
     * @return the bytes the cgroup leaves, or empty when it has no limit or the text is not a number
     */
    static OptionalLong cgroupV2(String max, String current, String stat) {
        if (max.trim().equals("max")) {
            return OptionalLong.empty();
        }
        return headroom(parse(max), parse(current), statValue(stat, "inactive_file"));
    }

    /**
     * @param limit the text of {@code memory.limit_in_bytes}
     * @param usage the text of {@code memory.usage_in_bytes}
     * @param stat the text of {@code memory.stat}, or "" if unreadable
     * @return the bytes the cgroup leaves, or empty when it has no limit or the text is not a number
     */
    static OptionalLong cgroupV1(String limit, String usage, String stat) {
        long l = parse(limit);
        if (l >= V1_UNLIMITED) {
            return OptionalLong.empty();
        }
        // The hierarchical total: the cgroup's own counter leaves out its children.
        return headroom(l, parse(usage), statValue(stat, "total_inactive_file"));
    }

    private static OptionalLong headroom(long limit, long usage, long reclaimable) {
        if (limit < 0 || usage < 0) {
            return OptionalLong.empty();
        }
        long working = Math.max(0, usage - Math.max(0, reclaimable));
        return OptionalLong.of(Math.max(0, limit - working));
    }

    /** @return the value of a {@code key value} line of a {@code memory.stat} text, or 0 */
    private static long statValue(String stat, String key) {
        for (String line : stat.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                return Math.max(0, parse(parts[1]));
            }
        }
        return 0;
    }

    private static OptionalLong smaller(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }

    /** @return the number, or -1 if the text is not one */
    private static long parse(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<String> text(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
