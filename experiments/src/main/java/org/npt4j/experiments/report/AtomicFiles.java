package org.npt4j.experiments.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Writes result files whole or not at all: an interrupted run never leaves a half-written file. */
public final class AtomicFiles {

    private static final String TMP = ".tmp";

    private AtomicFiles() {}

    /**
     * @param target the file to write or replace
     * @param text its content, written as UTF-8
     * @throws IOException if the file cannot be written
     */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deletes the temporary files that writes cut short by a killed process left in a folder and
     * its subfolders (the targets themselves are whole: old or new).
     *
     * @param folder the folder
     * @throws IOException if the folder cannot be listed or a file deleted
     */
    public static void removeLeftovers(Path folder) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(folder)) {
            leftovers = files.filter(f -> isTemporary(f.getFileName().toString()) && Files.isRegularFile(f)).toList();
        }
        for (Path f : leftovers) {
            Files.deleteIfExists(f);
        }
    }

    /** @return whether the name is one {@link #write} gives its temporary files */
    private static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(TMP);
    }

    /**
     * @param target the file to write or replace
     * @param bytes its content
     * @throws IOException if the file cannot be written
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), TMP);
        try {
            // On disk before the rename: after a crash of the machine, not only of the process, the
            // file is then the old one or the new one, never a renamed but empty one.
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
