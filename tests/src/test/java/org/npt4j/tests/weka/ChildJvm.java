package org.npt4j.tests.weka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a Java main class in a separate JVM the way a Weka user would, with a time limit. */
final class ChildJvm {

    /** What one child JVM did. */
    record Result(List<String> command, int exitCode, boolean timedOut, String output, double seconds) {

        /** A readable account for assertion messages: the command, how it ended, and all its output. */
        String describe() {
            return "command: " + String.join(" ", command) + "\n"
                    + (timedOut ? "TIMED OUT and destroyed" : "exit code " + exitCode)
                    + " after " + String.format("%.1f", seconds) + " s; output:\n" + output;
        }
    }

    static final long TIMEOUT_MINUTES = 5;

    private ChildJvm() {}

    /**
     * Runs {@code mainClass args} on {@code classpath} with WEKA_HOME set, DJL offline and AWT
     * headless. stdout and stderr are merged into a file under {@code workDir}, so a chatty child can
     * never block on a full pipe.
     */
    static Result run(Path wekaHome, Path workDir, String classpath, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        command.add("-Djava.awt.headless=true");
        // Never reach out to Weka's package repository (the package manager and weka.Run would try).
        command.add("-Dweka.packageManager.offline=true");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));

        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("WEKA_HOME", wekaHome.toString());
        env.put("DJL_OFFLINE", "true");
        env.put("OPT_OUT_TRACKING", "true");
        Path log = Files.createTempFile(workDir, "child-", ".log");
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));

        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        return new Result(command, finished ? process.exitValue() : -1, !finished, output, seconds);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
