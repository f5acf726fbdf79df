package org.npt4j.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.npt4j.core.engine.ArrayBytes;
import org.npt4j.core.engine.GradMode;
import org.npt4j.core.engine.Tensors;

/**
 * Keeps a device copy of the weights with the lowest validation target loss seen so far, the
 * reference's checkpoint-on-improvement, and restores them at the end of training.
 */
final class BestWeights implements AutoCloseable {

    private final List<Parameter> parameters;
    private final NDManager store;
    private NDArray[] copies;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestStep = -1;

    BestWeights(List<Parameter> parameters, NDManager parent) {
        this.parameters = parameters;
        this.store = parent.newSubManager();
    }

    /**
     * @param loss a validation target loss
     * @param step the step it was measured after
     * @return whether it improved on the best so far (and the weights were copied)
     */
    boolean offer(double loss, int step) {
        if (!(loss < bestLoss)) {
            return false;
        }
        try (GradMode off = GradMode.disabled()) {
            if (copies == null) {
                copies = new NDArray[parameters.size()];
                for (int i = 0; i < copies.length; i++) {
                    copies[i] = parameters.get(i).getArray().duplicate();
                    copies[i].attach(store);
                }
            } else {
                for (int i = 0; i < copies.length; i++) {
                    Tensors.copyInto(copies[i], parameters.get(i).getArray());
                }
            }
        }
        bestLoss = loss;
        bestStep = step;
        return true;
    }

    /** Copies the best weights back into the parameters, if any were kept. */
    void restore() {
        if (copies == null) {
            return;
        }
        try (GradMode off = GradMode.disabled()) {
            for (int i = 0; i < copies.length; i++) {
                Tensors.copyInto(parameters.get(i).getArray(), copies[i]);
            }
        }
    }

    double bestLoss() {
        return bestLoss;
    }

    int bestStep() {
        return bestStep;
    }

    /**
     * @param out where the best loss, its step and the kept weights (if any) go
     * @throws IOException if writing fails
     */
    void writeState(DataOutputStream out) throws IOException {
        out.writeDouble(bestLoss);
        out.writeInt(bestStep);
        out.writeBoolean(copies != null);
        if (copies != null) {
            for (NDArray c : copies) {
                ArrayBytes.write(out, c);
            }
        }
    }

    /**
     * @param in a stream at a state written by {@link #writeState} for the same parameters
     * @throws IOException if reading fails
     */
    void readState(DataInputStream in) throws IOException {
        bestLoss = in.readDouble();
        bestStep = in.readInt();
        if (!in.readBoolean()) {
            return;
        }
        try (GradMode off = GradMode.disabled()) {
            copies = new NDArray[parameters.size()];
            for (int i = 0; i < copies.length; i++) {
                copies[i] = ArrayBytes.read(in, store, parameters.get(i).getArray().getShape());
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
