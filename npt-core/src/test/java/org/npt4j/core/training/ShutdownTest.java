package org.npt4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during training ends the JVM as a normal termination: no crash inside libtorch, no
 * {@code hs_err_pid*.log}. Runs real child JVMs ({@link LongTraining}) and signals them mid-training.
 * Without the training lock's shutdown hook about one signal in six found the training thread inside
 * libtorch while the exit tore libtorch down (SIGSEGV, exit 134), so three children are signalled at
 * different points of their runs.
 */
class ShutdownTest {

    @TempDir
    Path dir;

    @Test
    void sigtermMidTrainingExitsCleanly() throws Exception {
        for (int steps : new int[] {3, 11, 24}) {
            signalAfter(steps);
        }
    }

    private void signalAfter(int steps) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("child-" + steps + ".log");
        Process child = new ProcessBuilder(java, "-Xmx512m", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                LongTraining.class.getName()).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForSteps(child, log, steps);
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ended after SIGTERM");
            // 143 = 128 + SIGTERM: the JVM's normal exit on a termination signal; a crash exits 134.
            assertEquals(143, child.exitValue(), Files.readString(log));
        } finally {
            child.destroyForcibly();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> crashes = files.filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).toList();
            assertTrue(crashes.isEmpty(), "crash reports: " + crashes);
        }
    }

    private static void waitForSteps(Process child, Path log, int steps) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.readAllLines(log).stream().filter(l -> l.startsWith("step ")).count() >= steps) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before training " + steps + " steps:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child did not train " + steps + " steps in time");
    }
}
