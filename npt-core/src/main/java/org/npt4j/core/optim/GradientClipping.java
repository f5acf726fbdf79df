package org.npt4j.core.optim;

import ai.djl.ndarray.NDArray;

/**
 * Element-wise gradient clipping to [−c, c], which is what the reference's "clip at 1" does (a
 * backward hook clamping each parameter's gradient), not global-norm clipping.
 */
public final class GradientClipping {

    private final float value;

    /**
     * @param value c; 0 disables clipping
     */
    public GradientClipping(double value) {
        this.value = (float) value;
    }

    /**
     * @param gradient a parameter's gradient
     * @return the clipped gradient (a new array), or the same array when clipping is off
     */
    public NDArray apply(NDArray gradient) {
        return value > 0 ? gradient.clip(-value, value) : gradient;
    }
}
