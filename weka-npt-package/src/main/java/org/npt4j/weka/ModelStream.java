package org.npt4j.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.npt4j.core.inference.NptModel;

/**
 * A fitted model inside Java serialisation (Weka's "Save model", {@code -d}/{@code -l}, copies):
 * written as npt4j's own model bytes, since the model holds native memory Java cannot serialise, and
 * read back with the package's class loader, which DJL needs to find its engine.
 */
public final class ModelStream {

    private ModelStream() {}

    /**
     * @param out the stream of the object being serialised
     * @param model the model, or null
     * @throws IOException if writing fails
     */
    public static void write(ObjectOutputStream out, NptModel model) throws IOException {
        out.writeObject(model == null ? null : model.toBytes());
    }

    /**
     * @param in the stream of the object being deserialised, at what {@link #write} wrote
     * @return the model, or null if none was written
     * @throws IOException if reading fails or the bytes are not a model
     * @throws ClassNotFoundException never in practice: a byte array is read
     */
    public static NptModel read(ObjectInputStream in) throws IOException, ClassNotFoundException {
        byte[] bytes = (byte[]) in.readObject();
        if (bytes == null) {
            return null;
        }
        try {
            return ContextClassLoader.call(() -> NptModel.fromBytes(bytes));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
