package org.npt4j.core.optim;

import static org.npt4j.core.Settings.GRADIENT_CLIP_VALUE;
import static org.npt4j.core.Settings.LAMB_BETA1;
import static org.npt4j.core.Settings.LAMB_BETA2;
import static org.npt4j.core.Settings.LAMB_EPSILON;
import static org.npt4j.core.Settings.LOOKAHEAD_ALPHA;
import static org.npt4j.core.Settings.LOOKAHEAD_STEPS;
import static org.npt4j.core.Settings.TRUST_RATIO_CLAMP;
import static org.npt4j.core.Settings.WEIGHT_DECAY;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.ArrayBytes;
import org.npt4j.core.engine.GradMode;

/**
 * The reference's optimiser pipeline for one step: element-wise gradient clipping, LAMB, then
 * Lookahead; gradients are zeroed afterwards because DJL's PyTorch gradient collector does not.
 * Owns its state (moments, slow weights) in a sub-manager of the model's; {@link #close()} frees it.
 *
 * <p>On a CPU the whole pipeline runs on the host over the tensors' memory ({@link HostLamb}), in
 * two passes instead of about forty; elsewhere, or with the system property
 * {@value #DEVICE_UPDATE_PROPERTY} set to {@code true}, as tensor operations on the device.
 */
public final class NptOptimizer implements AutoCloseable {

    /** System property that forces the tensor-operation form of the update on a CPU (for comparisons). */
    public static final String DEVICE_UPDATE_PROPERTY = "npt4j.deviceUpdate";

    private final List<Parameter> parameters;
    private final GradientClipping clipping;
    private final Lamb lamb;
    private final Lookahead lookahead;
    private final NDManager state;
    private final NDArray[] firstMoments;
    private final NDArray[] secondMoments;
    private final HostLamb hostLamb;
    private final HostChunks chunks;

    /**
     * @param parameters the trainable parameters, in a fixed order
     * @param config optimiser settings
     * @param parent the manager the parameters live under
     */
    public NptOptimizer(List<Parameter> parameters, NptConfig config, NDManager parent) {
        this.parameters = List.copyOf(parameters);
        this.clipping = new GradientClipping(config.get(GRADIENT_CLIP_VALUE));
        this.lamb = new Lamb(config.get(LAMB_BETA1), config.get(LAMB_BETA2), config.get(LAMB_EPSILON), config.get(WEIGHT_DECAY),
                config.get(TRUST_RATIO_CLAMP));
        this.state = parent.newSubManager();
        List<NDArray> arrays = this.parameters.stream().map(Parameter::getArray).toList();
        boolean host = HostBuffers.supported(arrays) && !Boolean.getBoolean(DEVICE_UPDATE_PROPERTY);
        this.chunks = host ? new HostChunks(arrays.stream().mapToLong(NDArray::size).toArray()) : null;
        this.hostLamb = host ? new HostLamb(config.get(LAMB_BETA1), config.get(LAMB_BETA2), config.get(LAMB_EPSILON),
                config.get(WEIGHT_DECAY), config.get(TRUST_RATIO_CLAMP), config.get(GRADIENT_CLIP_VALUE)) : null;
        this.lookahead = new Lookahead(config.get(LOOKAHEAD_ALPHA), config.get(LOOKAHEAD_STEPS), state, chunks);
        this.firstMoments = new NDArray[this.parameters.size()];
        this.secondMoments = new NDArray[this.parameters.size()];
        for (int i = 0; i < firstMoments.length; i++) {
            NDArray w = this.parameters.get(i).getArray();
            firstMoments[i] = state.zeros(w.getShape(), w.getDataType());
            secondMoments[i] = state.zeros(w.getShape(), w.getDataType());
        }
    }

    /**
     * Applies one update from the gradients left by the last backward pass, then zeroes them.
     *
     * @param learningRate this step's learning rate
     */
    public void step(double learningRate) {
        try (GradMode off = GradMode.disabled()) {
            if (hostLamb != null) {
                hostStep(learningRate);
            } else {
                deviceStep(learningRate);
            }
            lookahead.afterStep(parameters);
        }
    }

    /** @return whether updates run on the host over the tensors' memory ({@link HostLamb}) */
    public boolean updatesOnHost() {
        return hostLamb != null;
    }

    private void hostStep(double learningRate) {
        int n = parameters.size();
        FloatBuffer[] w = new FloatBuffer[n];
        FloatBuffer[] g = new FloatBuffer[n];
        FloatBuffer[] m = new FloatBuffer[n];
        FloatBuffer[] v = new FloatBuffer[n];
        try (NDManager scope = state.newSubManager()) {
            for (int i = 0; i < n; i++) {
                NDArray weight = parameters.get(i).getArray();
                NDArray gradient = weight.getGradient();
                gradient.attach(scope);
                w[i] = HostBuffers.view(weight);
                g[i] = HostBuffers.view(gradient);
                m[i] = HostBuffers.view(firstMoments[i]);
                v[i] = HostBuffers.view(secondMoments[i]);
            }
            // The gradients' wrappers stay open until the update is done: the views do not own the memory.
            // The training thread's intra-op count is the run's threads setting (IntraOpThreads), so the host
            // update shares the work among no more threads than the tensor operations do.
            hostLamb.step(chunks, JniUtils.getNumThreads(), w, g, m, v, learningRate);
        }
    }

    private void deviceStep(double learningRate) {
        for (int i = 0; i < firstMoments.length; i++) {
            NDArray w = parameters.get(i).getArray();
            try (NDManager scope = state.newSubManager()) {
                NDArray raw = w.getGradient();
                raw.attach(scope);
                scope.tempAttachAll(w, firstMoments[i], secondMoments[i]);
                // For a large parameter the gradient is clipped in place and is LAMB's scratch space, so the
                // step allocates nothing its size; either way it is zeroed for the next backward pass.
                lamb.update(w, clipping.apply(raw), firstMoments[i], secondMoments[i], learningRate);
                raw.muli(0);
            }
        }
    }

    /**
     * Writes the optimiser's state (moments, Lookahead's slow weights and step count), so that a
     * training can stop and later continue exactly as if it had not stopped.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    public void writeState(DataOutputStream out) throws IOException {
        out.writeInt(firstMoments.length);
        for (int i = 0; i < firstMoments.length; i++) {
            ArrayBytes.write(out, firstMoments[i]);
            ArrayBytes.write(out, secondMoments[i]);
        }
        lookahead.writeState(out);
    }

    /**
     * Overwrites the state with one written by {@link #writeState} for the same parameters.
     *
     * @param in the stream
     * @throws IOException if reading fails or the state is for other parameters
     */
    public void readState(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n != firstMoments.length) {
            throw new IOException("The training state has moments for " + n + " parameters, the network " + firstMoments.length);
        }
        try (GradMode off = GradMode.disabled()) {
            for (int i = 0; i < n; i++) {
                ArrayBytes.readInto(in, firstMoments[i]);
                ArrayBytes.readInto(in, secondMoments[i]);
            }
            lookahead.readState(in, parameters);
        }
    }

    @Override
    public void close() {
        state.close();
    }
}
