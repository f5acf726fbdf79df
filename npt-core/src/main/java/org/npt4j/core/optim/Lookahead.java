package org.npt4j.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import org.npt4j.core.engine.ArrayBytes;
import org.npt4j.core.engine.Tensors;

/**
 * Lookahead around the base optimiser: every k steps the slow weights move α of the way towards the
 * fast ones and the fast weights are reset to them. As in the reference, the slow weights are
 * created lazily as a copy of the fast weights at the first synchronisation, which therefore
 * changes nothing. On a CPU the synchronisation is one host pass over fast and slow weights
 * ({@link HostChunks}); elsewhere tensor operations.
 */
public final class Lookahead implements AutoCloseable {

    private final float alpha;
    private final int period;
    private final NDManager state;
    private final HostChunks hostChunks;
    private NDArray[] slow;
    private int steps;

    /**
     * @param alpha α
     * @param period k; 0 disables Lookahead
     * @param parent manager under which the slow weights live
     * @param hostChunks the chunking of the parameters for a host-side synchronisation; null to
     *     synchronise with tensor operations
     */
    Lookahead(double alpha, int period, NDManager parent, HostChunks hostChunks) {
        this.alpha = (float) alpha;
        this.period = period;
        this.state = parent.newSubManager();
        this.hostChunks = hostChunks;
    }

    /**
     * Call after every base optimiser step.
     *
     * @param parameters the parameters the base optimiser updated, in a fixed order
     */
    public void afterStep(List<Parameter> parameters) {
        steps++;
        if (period == 0 || steps % period != 0) {
            return;
        }
        if (slow == null) {
            slow = new NDArray[parameters.size()];
            for (int i = 0; i < slow.length; i++) {
                slow[i] = parameters.get(i).getArray().duplicate();
                slow[i].attach(state);
            }
            return;
        }
        if (hostChunks != null) {
            synchroniseOnHost(parameters);
            return;
        }
        for (int i = 0; i < slow.length; i++) {
            NDArray fast = parameters.get(i).getArray();
            try (NDManager scope = state.newSubManager()) {
                scope.tempAttachAll(fast, slow[i]);
                slow[i].addi(fast.sub(slow[i]).muli(alpha));
                Tensors.copyInto(fast, slow[i]);
            }
        }
    }

    private void synchroniseOnHost(List<Parameter> parameters) {
        FloatBuffer[] fast = new FloatBuffer[slow.length];
        FloatBuffer[] slowViews = new FloatBuffer[slow.length];
        for (int i = 0; i < slow.length; i++) {
            fast[i] = HostBuffers.view(parameters.get(i).getArray());
            slowViews[i] = HostBuffers.view(slow[i]);
        }
        float a = alpha;
        hostChunks.forEach(JniUtils.getNumThreads(), (p, from, to, c) -> {
            FloatBuffer f = fast[p];
            FloatBuffer s = slowViews[p];
            for (int i = from; i < to; i++) {
                float si = s.get(i);
                si += a * (f.get(i) - si);
                s.put(i, si);
                f.put(i, si);
            }
        });
    }

    /**
     * @param out where the step count and the slow weights (if created yet) go
     * @throws IOException if writing fails
     */
    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(steps);
        out.writeBoolean(slow != null);
        if (slow != null) {
            for (NDArray s : slow) {
                ArrayBytes.write(out, s);
            }
        }
    }

    /**
     * Loads a state written by {@link #writeState}, into a Lookahead that has not stepped yet.
     *
     * @param in a stream at a state written by {@link #writeState}
     * @param parameters the parameters, for the slow weights' shapes
     * @throws IOException if reading fails
     */
    void readState(DataInputStream in, List<Parameter> parameters) throws IOException {
        if (steps != 0 || slow != null) {
            throw new IllegalStateException("A state can only be loaded before the first step");
        }
        steps = in.readInt();
        if (in.readBoolean()) {
            slow = new NDArray[parameters.size()];
            for (int i = 0; i < slow.length; i++) {
                slow[i] = ArrayBytes.read(in, state, parameters.get(i).getArray().getShape());
            }
        }
    }

    @Override
    public void close() {
        state.close();
    }
}
