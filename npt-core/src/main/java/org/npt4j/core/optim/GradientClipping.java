package org.npt4j.core.optim;

import ai.djl.ndarray.NDArray;
import org.npt4j.core.engine.Tensors;

/**
 * Element-wise gradient clipping to [−c, c], which is what the reference's "clip at 1" does (a
 * backward hook clamping each parameter's gradient), not global-norm clipping.
 */
final class GradientClipping {

    private final float value;

    /**
     * @param value c; 0 disables clipping
     */
    public GradientClipping(double value) {
        this.value = (float) value;
    }

    /**
     * Clips a gradient. A small one is clipped into a new array (one native call). A large one is
     * clipped in place, and on a CPU only after two read-only reductions show an element out of
     * range, which for large weight matrices is rare: the two boolean masks of the in-place clip,
     * like the new array of {@code clip}, would be fresh allocations that a CPU pays for page by
     * page. On a GPU, where allocation is cached and reading a bound back would stall the device,
     * the masks are always applied.
     *
     * @param gradient a parameter's gradient
     * @return the clipped gradient: a new array for a small gradient, {@code gradient} itself for a
     *     large one or when clipping is off
     */
    public NDArray apply(NDArray gradient) {
        if (value <= 0) {
            return gradient;
        }
        if (gradient.size() < Tensors.LARGE) {
            return gradient.clip(-value, value);
        }
        if (gradient.getDevice().isGpu() || outOfRange(gradient)) {
            try (NDArray above = gradient.gt(value)) {
                gradient.set(above, value);
            }
            try (NDArray below = gradient.lt(-value)) {
                gradient.set(below, -value);
            }
        }
        return gradient;
    }

    private boolean outOfRange(NDArray gradient) {
        try (NDArray max = gradient.max(); NDArray min = gradient.min()) {
            float hi = max.getFloat();
            float lo = min.getFloat();
            // A NaN anywhere makes both reductions NaN and hides the range of the other elements.
            return !(hi <= value && lo >= -value);
        }
    }
}
