package org.npt4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.UniformInitializer;

/**
 * Building blocks with PyTorch's defaults, which the reference relies on and DJL does not share:
 * linear weights and biases drawn from U(±1/sqrt(fan_in)), LayerNorm with γ = 1 and β = 0.
 */
final class Layers {

    private Layers() {}

    /**
     * @param in input width (fan-in)
     * @param out output width
     * @return a linear layer with bias, initialised as {@code torch.nn.Linear}
     */
    static Linear linear(int in, int out) {
        Linear l = Linear.builder().setUnits(out).build();
        UniformInitializer init = new UniformInitializer((float) (1.0 / Math.sqrt(in)));
        l.setInitializer(init, Parameter.Type.WEIGHT);
        l.setInitializer(init, Parameter.Type.BIAS);
        return l;
    }

    /**
     * @param axis the (positive) axis to normalise over; DJL does not accept -1
     * @param eps the epsilon
     * @return a LayerNorm over that axis
     */
    static LayerNorm layerNorm(int axis, double eps) {
        return LayerNorm.builder().axis(axis).optEpsilon((float) eps).build();
    }

    /**
     * Dropout as a function rather than a block: no op at all when it would do nothing, which
     * saves a native call per use at inference. Masks for CPU arrays are drawn in Java
     * ({@link HostDrawnDropout}).
     *
     * @param x input
     * @param rate drop probability
     * @param training whether training
     * @return x with dropout applied when training
     */
    static NDArray dropout(NDArray x, double rate, boolean training) {
        if (!training || rate <= 0) {
            return x;
        }
        return HostDrawnDropout.apply(x, rate);
    }
}
