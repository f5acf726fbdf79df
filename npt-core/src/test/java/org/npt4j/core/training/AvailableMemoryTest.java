package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what the process may still allocate from sample /proc/meminfo and cgroup files. */
class AvailableMemoryTest {

    private static final String MEMINFO = """
            MemTotal:       24683568 kB
            MemFree:         1234567 kB
            MemAvailable:   20000000 kB
            Buffers:           12345 kB
            """;

    private static final String V2_STAT = """
            anon 3000000000
            file 1500000000
            active_file 500000000
            inactive_file 1000000000
            """;

    private static final String V1_STAT = """
            cache 10166272
            inactive_file 57344
            hierarchical_memory_limit 8589934592
            total_inactive_file 582242304
            """;

    @Test
    void memAvailableIsReadInKilobytes() {
        assertEquals(OptionalLong.of(20_000_000L * 1024), AvailableMemory.memAvailable(MEMINFO));
        assertEquals(OptionalLong.empty(), AvailableMemory.memAvailable("MemTotal: 100 kB\nMemFree: 50 kB\n"),
                "kernels before 3.14 have no MemAvailable");
    }

    @Test
    void cgroupV2LeavesTheLimitMinusTheUsageThatCannotBeReclaimed() {
        // 8 GB limit, 5 GB used of which 1 GB is inactive page cache: 4 GB left.
        assertEquals(OptionalLong.of(4_000_000_000L), AvailableMemory.cgroupV2("8000000000\n", "5000000000\n", V2_STAT));
        assertEquals(OptionalLong.of(3_000_000_000L), AvailableMemory.cgroupV2("8000000000", "5000000000", ""),
                "without memory.stat the whole usage counts");
        assertEquals(OptionalLong.empty(), AvailableMemory.cgroupV2("max\n", "5000000000\n", V2_STAT), "no limit");
        assertEquals(OptionalLong.of(0), AvailableMemory.cgroupV2("1000", "5000", ""), "over the limit is none left");
    }

    @Test
    void cgroupV1UsesTheHierarchicalInactiveCacheAndKnowsItsNoLimitValue() {
        assertEquals(OptionalLong.of(8_589_934_592L - (1_026_879_488L - 582_242_304L)),
                AvailableMemory.cgroupV1("8589934592\n", "1026879488\n", V1_STAT));
        assertEquals(OptionalLong.empty(), AvailableMemory.cgroupV1("9223372036854771712\n", "1026879488\n", V1_STAT),
                "v1 writes no limit as the largest page-aligned long");
        assertEquals(OptionalLong.empty(), AvailableMemory.cgroupV1("garbage", "1026879488", ""));
    }

    @Test
    void theSmallerOfCgroupAndHostIsTaken(@TempDir Path dir) throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), MEMINFO);
        Path v2 = Files.createDirectory(dir.resolve("v2"));
        Files.writeString(v2.resolve("memory.max"), "8000000000\n");
        Files.writeString(v2.resolve("memory.current"), "5000000000\n");
        Files.writeString(v2.resolve("memory.stat"), V2_STAT);
        assertEquals(OptionalLong.of(4_000_000_000L), AvailableMemory.read(meminfo, v2), "the container's limit binds");

        Path v1 = Files.createDirectories(dir.resolve("v1/memory"));
        Files.writeString(v1.resolve("memory.limit_in_bytes"), "9223372036854771712\n");
        Files.writeString(v1.resolve("memory.usage_in_bytes"), "1026879488\n");
        assertEquals(OptionalLong.of(20_000_000L * 1024), AvailableMemory.read(meminfo, dir.resolve("v1")),
                "an unlimited cgroup leaves the host's figure");
    }

    @Test
    void nothingReadableIsEmpty(@TempDir Path dir) {
        assertEquals(OptionalLong.empty(), AvailableMemory.read(dir.resolve("no-meminfo"), dir.resolve("no-cgroup")));
    }

    @Test
    void onlyACgroupIsEnough(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("memory.max"), "2000000000");
        Files.writeString(dir.resolve("memory.current"), "500000000");
        assertEquals(OptionalLong.of(1_500_000_000L), AvailableMemory.read(dir.resolve("no-meminfo"), dir));
    }
}
