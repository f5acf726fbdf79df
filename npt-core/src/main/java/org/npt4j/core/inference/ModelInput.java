package org.npt4j.core.inference;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Locale;
import org.npt4j.core.NptInputException;

/**
 * Big-endian reads ({@link DataInputStream} encodings) from bytes held in memory, for data that
 * may come from anywhere. Every count that decides an allocation is checked against the bytes
 * left first ({@link #count}), so a few crafted bytes cannot ask for gigabytes; malformed text is
 * an {@link NptInputException} too, so the only {@link IOException} left is the
 * {@link java.io.EOFException} of a read past the end.
 */
final class ModelInput {

    /** How messages about a damaged model file start. */
    static final String CORRUPT = "Corrupt npt4j model";
    /** Text from the data longer than this is cut short in messages. */
    private static final int MAX_QUOTED = 80;

    private final ByteArrayInputStream bytes;
    private final DataInputStream in;
    private final int length;
    private final int offset;
    private final int total;
    private String section = "header";

    /**
     * @param data a model file's bytes; not copied
     */
    ModelInput(byte[] data) {
        this(data, 0, data.length);
    }

    /**
     * @param data bytes; not copied
     * @param offset where they start in the model file they are part of, so that messages give file offsets
     * @param total the length of that file
     */
    ModelInput(byte[] data, int offset, int total) {
        this.bytes = new ByteArrayInputStream(data);
        this.in = new DataInputStream(bytes);
        this.length = data.length;
        this.offset = offset;
        this.total = total;
    }

    /** @param name the part of the data read next, named in messages ("schema", "context rows") */
    void section(String name) {
        section = name;
    }

    /** @return the bytes not read yet */
    int remaining() {
        return bytes.available();
    }

    /** @return the offset of the next byte to read, in the file */
    int position() {
        return offset + length - remaining();
    }

    /**
     * Reads a count of items, each of which takes at least {@code minBytesEach} bytes further on.
     *
     * @param item the items counted, plural, for messages ("context rows")
     * @param minBytesEach the fewest bytes one item can take; at least 1
     * @return the count
     * @throws NptInputException if it is negative or more items than the bytes left can hold
     * @throws IOException if the count itself is cut off
     */
    int count(String item, long minBytesEach) throws IOException {
        int at = position();
        int n = in.readInt();
        if (n < 0) {
            throw malformed(at, "negative number of " + item + " (" + n + ")");
        }
        if (n * minBytesEach > remaining()) {
            throw malformed(at, String.format(Locale.ROOT,
                    "%s %d exceed the %,d bytes left; the data is truncated or corrupt", item, n, remaining()));
        }
        return n;
    }

    /**
     * @param at the offset the problem was found at, in the file
     * @param problem what is wrong
     * @return the exception to throw, saying what and where
     */
    NptInputException malformed(int at, String problem) {
        return new NptInputException(String.format(Locale.ROOT, "%s: %s (in the %s, at byte %,d of %,d)", CORRUPT, problem,
                section, at, total));
    }

    /**
     * @param text text read from the data, up to 64 kB of it
     * @return the text in quotes, cut short when long, for messages
     */
    static String quoted(String text) {
        return "'" + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text) + "'";
    }

    /** @return the exception for data that ended early, saying where */
    NptInputException truncated() {
        return new NptInputException(String.format(Locale.ROOT,
                "%s: the data is truncated: it ends in the %s after %,d bytes", CORRUPT, section, offset + length));
    }

    /**
     * @return the bytes as Java's data input, for fixed-width values; counts read from it must pass
     *     {@link #count} before anything is allocated from them
     */
    DataInput data() {
        return in;
    }

    /** @return modified UTF-8 text; its length field is 16 bits, so at most 64 kB are read */
    String readUTF() throws IOException {
        int at = position();
        try {
            return in.readUTF();
        } catch (UTFDataFormatException e) {
            throw malformed(at, "text that is not modified UTF-8 (" + e.getMessage() + ")");
        }
    }

    /**
     * @param n a length already checked with {@link #count}
     * @return the next n bytes
     */
    byte[] readBytes(int n) throws IOException {
        byte[] out = new byte[n];
        in.readFully(out);
        return out;
    }

    /** @param n bytes to pass over, already checked with {@link #count} or {@link #remaining} */
    void skip(int n) throws IOException {
        in.skipNBytes(n);
    }
}
