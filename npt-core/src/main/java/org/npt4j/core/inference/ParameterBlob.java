package org.npt4j.core.inference;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBaseBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bytes DJL's {@code Block.saveParameters} wrote for a network on the Java heap, walking
 * the network's blocks in the order DJL's {@code loadParameters} does, and returns the shape saved
 * for each parameter. DJL's own reader trusts the lengths it reads: it allocates a direct buffer of
 * the saved byte count and hands it to PyTorch with the saved shape, unchecked, so a corrupt file
 * could make it allocate gigabytes or read past a buffer. Here every length is checked against the
 * bytes left and every array's byte count against its shape first; only then may DJL read the bytes.
 *
 * <p>Per block (DJL 0.36): a version byte, the block's metadata, its direct parameters, then its
 * children. Metadata is the block's input shapes unless the block type writes its own (DJL's
 * {@link Linear} and {@link LayerNorm}, mirrored below). A parameter is {@code 'P'}, version 1, its
 * name and an NDArray: "NDAR", encoding version 1 to 3, [name], sparse format, data type, shape,
 * [byte order], byte count, data.
 */
final class ParameterBlob {

    /** A parameter of the network and the shape its saved array has. */
    record SavedParameter(String path, Parameter parameter, Shape shape) {}

    private static final int ARRAY_VERSION_WITH_NAME = 2;
    private static final int ARRAY_VERSION_WITH_BYTE_ORDER = 3;
    private static final int NEWEST_ARRAY_VERSION = 3;
    private static final String FLOAT32 = "FLOAT32";
    /** A shape is at least its dimension count and its layout length. */
    private static final int MIN_SHAPE_BYTES = 8;

    private final ModelInput in;
    private final List<SavedParameter> saved = new ArrayList<>();

    private ParameterBlob(ModelInput in) {
        this.in = in;
    }

    /**
     * @param network the network the bytes were saved from, not initialised
     * @param in the saved bytes
     * @return each parameter with its saved shape, in saving order
     * @throws org.npt4j.core.NptInputException if the bytes do not hold the network's parameters
     * @throws IOException ({@link java.io.EOFException}) if they end early
     */
    static List<SavedParameter> read(Block network, ModelInput in) throws IOException {
        ParameterBlob blob = new ParameterBlob(in);
        blob.block(network, "");
        if (in.remaining() != 0) {
            throw in.malformed(in.position(), in.remaining() + " bytes follow the last parameter");
        }
        return blob.saved;
    }

    private void block(Block block, String path) throws IOException {
        in.section("weights of " + (path.isEmpty() ? "the network" : "block " + path));
        byte version = in.data().readByte();
        metadata(block, version);
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            parameter(p.getValue(), join(path, p.getKey()));
        }
        for (Pair<String, Block> child : block.getChildren()) {
            // DJL numbers children ("01embedding"); the number is the order, not the name.
            block(child.getValue(), join(path, child.getKey().replaceFirst("^\\d+", "")));
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    private void metadata(Block block, byte version) throws IOException {
        if (block instanceof Linear) {
            linearMetadata(version);
        } else if (block instanceof LayerNorm) {
            inputShapes();
            shape();
        } else if (writesOwnMetadata(block.getClass())) {
            // A new block type with its own metadata must be taught here, or the walk goes astray.
            throw new IllegalStateException("Cannot check saved weights of " + block.getClass().getName()
                    + ": it saves its own metadata, which " + ParameterBlob.class.getSimpleName() + " does not know");
        } else {
            inputShapes();
        }
    }

    /** As DJL's {@code Linear.loadMetadata}, all four versions of it. */
    private void linearMetadata(byte version) throws IOException {
        int at = in.position();
        switch (version) {
            case 4 -> {
                in.data().readLong();
                in.data().readLong();
            }
            case 3 -> {
                in.data().readLong();
                noFlatten(at);
                in.data().readLong();
            }
            case 2 -> {
                noFlatten(at);
                in.data().readLong();
            }
            case 1 -> shape();
            default -> throw in.malformed(at - 1, "linear layer saved in version " + version + "; DJL reads 1 to 4");
        }
        shape();
    }

    private void noFlatten(int at) throws IOException {
        if (in.data().readBoolean()) {
            throw in.malformed(at, "linear layer saved with flattening, which DJL does not support");
        }
    }

    private void inputShapes() throws IOException {
        int n = in.count("input shapes", MIN_SHAPE_BYTES);
        for (int i = 0; i < n; i++) {
            shape();
        }
    }

    /** As DJL's {@code Shape.decode}: dimension count, dimensions, layout length, layout characters. */
    private Shape shape() throws IOException {
        int d = in.count("shape dimensions", Long.BYTES);
        long[] dims = new long[d];
        for (int i = 0; i < d; i++) {
            int at = in.position();
            dims[i] = in.data().readLong();
            if (dims[i] < -1) { // -1 stands for an unknown dimension
                throw in.malformed(at, "shape dimension " + dims[i]);
            }
        }
        int layout = in.count("shape layout characters", Character.BYTES);
        in.skip(layout * Character.BYTES);
        return new Shape(dims);
    }

    private void parameter(Parameter parameter, String path) throws IOException {
        in.section("weights of parameter " + path);
        int at = in.position();
        char mark = in.data().readChar();
        if (mark == 'N') {
            throw in.malformed(at, "the parameter was saved without values");
        }
        if (mark != 'P') {
            throw in.malformed(at, "no parameter record starts here");
        }
        byte version = in.data().readByte();
        if (version != 1) {
            throw in.malformed(at + 2, "parameter saved in version " + version + "; DJL reads version 1");
        }
        String name = in.readUTF();
        if (!name.equals(parameter.getName())) {
            throw in.malformed(at + 3, "found parameter " + ModelInput.quoted(name) + " where '" + parameter.getName()
                    + "' belongs");
        }
        saved.add(new SavedParameter(path, parameter, array()));
    }

    /** As DJL's {@code NDSerializer.decode}, with the byte count checked against the shape. */
    private Shape array() throws IOException {
        int at = in.position();
        if (!"NDAR".equals(in.readUTF())) {
            throw in.malformed(at, "no array starts here");
        }
        int version = in.data().readInt();
        if (version < 1 || version > NEWEST_ARRAY_VERSION) {
            throw in.malformed(at, "array saved in version " + version + "; DJL reads 1 to " + NEWEST_ARRAY_VERSION);
        }
        if (version >= ARRAY_VERSION_WITH_NAME && in.data().readByte() == 1) {
            in.readUTF();
        }
        in.readUTF(); // the sparse format, which DJL's reader ignores too
        int typeAt = in.position();
        String type = in.readUTF();
        if (!FLOAT32.equals(type)) {
            throw in.malformed(typeAt, "array of data type " + ModelInput.quoted(type) + "; npt4j's networks are " + FLOAT32);
        }
        int shapeAt = in.position();
        Shape shape = shape();
        long bytes = byteCount(shape, shapeAt);
        if (version >= ARRAY_VERSION_WITH_BYTE_ORDER) {
            in.data().readByte();
        }
        int countAt = in.position();
        int n = in.count("array bytes", 1);
        if (n != bytes) {
            throw in.malformed(countAt, "an array of shape " + shape + " takes " + bytes + " bytes, but " + n + " are saved");
        }
        in.skip(n);
        return shape;
    }

    private long byteCount(Shape shape, int at) {
        long bytes = Float.BYTES;
        try {
            for (long d : shape.getShape()) {
                if (d < 0) {
                    throw in.malformed(at, "array shape " + shape + " has a negative dimension");
                }
                bytes = Math.multiplyExact(bytes, d);
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // more than any saved byte count, so reported as a mismatch
        }
        return bytes;
    }

    /** Whether a block type declares {@code loadMetadata} below {@link AbstractBaseBlock}. */
    private static boolean writesOwnMetadata(Class<?> type) {
        for (Class<?> c = type; c != null && c != AbstractBaseBlock.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("loadMetadata", byte.class, DataInputStream.class);
                return true;
            } catch (NoSuchMethodException e) {
                // not declared here; look further up
            }
        }
        return false;
    }
}
