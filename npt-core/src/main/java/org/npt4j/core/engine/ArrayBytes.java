package org.npt4j.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a float32 array's values as raw bytes and reads them back, into an existing array of the
 * same size or into a new one. Used for training state, where arrays are overwritten in place so
 * that whatever refers to them (parameters with gradients, an optimiser's lists) keeps working;
 * DJL's own {@code encode}/{@code loadParameters} replace arrays instead.
 */
public final class ArrayBytes {

    private ArrayBytes() {}

    /**
     * @param out where the element count and the values go
     * @param array a float32 array
     * @throws IOException if writing fails
     */
    public static void write(DataOutputStream out, NDArray array) throws IOException {
        requireFloat(array);
        ByteBuffer values = array.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        out.writeLong(array.size());
        byte[] chunk = new byte[Math.min(values.remaining(), 1 << 20)];
        while (values.hasRemaining()) {
            int n = Math.min(chunk.length, values.remaining());
            values.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    /**
     * Overwrites {@code target} with values written by {@link #write}.
     *
     * @param in the stream, at an array written by {@link #write}
     * @param target a float32 array with as many elements as were written
     * @throws IOException if reading fails or the sizes differ
     */
    public static void readInto(DataInputStream in, NDArray target) throws IOException {
        requireFloat(target);
        try (NDArray values = read(in, target.getManager(), target.getShape())) {
            Tensors.copyInto(target, values);
        }
    }

    /**
     * @param in the stream, at an array written by {@link #write}
     * @param manager the new array's owner
     * @param shape the shape to give the values
     * @return a new array holding them
     * @throws IOException if reading fails or the count does not match the shape
     */
    public static NDArray read(DataInputStream in, NDManager manager, Shape shape) throws IOException {
        long size = in.readLong();
        if (size != shape.size()) {
            throw new IOException("The training state holds " + size + " values where an array of shape " + shape
                    + " (" + shape.size() + " values) was expected");
        }
        byte[] bytes = new byte[Math.multiplyExact(Math.toIntExact(size), Float.BYTES)];
        in.readFully(bytes);
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(bytes).flip();
        return manager.create(buffer, shape, DataType.FLOAT32);
    }

    private static void requireFloat(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("Only float32 arrays are stored, not " + array.getDataType());
        }
    }
}
