package org.npt4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harnesses find the project's files: {@code exec:exec} runs them in {@code benchmarks/}
 * and passes the data folder as {@code npt4j.data}, while the configs name data paths relative to
 * the project root.
 */
final class ProjectFiles {

    private ProjectFiles() {}

    /** @return the project root: the parent of the data folder the harness is given, or the working directory */
    static Path root() {
        String data = System.getProperty("npt4j.data");
        return data == null ? Path.of("").toAbsolutePath() : Path.of(data).toAbsolutePath().getParent();
    }

    /**
     * @param root the project root
     * @param config an OLCUT config whose data paths start at the root
     * @return a temporary copy, deleted on exit, with those paths made absolute, so that it loads from any working directory
     * @throws IOException if the config cannot be read or the copy written
     */
    static Path withAbsoluteDataPaths(Path root, Path config) throws IOException {
        String xml = Files.readString(config).replace("value=\"data/", "value=\"" + root.resolve("data") + "/");
        Path copy = Files.createTempFile(config.getFileName().toString().replace(".xml", ""), ".xml");
        copy.toFile().deleteOnExit();
        Files.writeString(copy, xml);
        return copy;
    }
}
