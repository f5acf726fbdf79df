package org.npt4j.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import org.npt4j.core.engine.Tensors;

/**
 * The LAMB update of the reference (a pytorch-lamb variant), per parameter tensor and with no bias
 * correction:
 *
 * <pre>
 *   m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g² ;  u = m / (sqrt(v) + ε) + wd·θ
 *   r = clamp(‖θ‖, 0, c) / ‖u‖, or 1 when either norm is 0 ;  θ ← θ − lr·r·u
 * </pre>
 *
 * The trust ratio is computed on the device so that no step waits for the host.
 */
final class Lamb {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final float clamp;

    /**
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator epsilon
     * @param weightDecay decoupled weight decay added to the update direction
     * @param trustClamp upper clamp on ‖θ‖
     */
    public Lamb(double beta1, double beta2, double epsilon, double weightDecay, double trustClamp) {
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.weightDecay = (float) weightDecay;
        this.clamp = (float) trustClamp;
    }

    /**
     * Updates one parameter in place. Temporaries attach to the manager of {@code weight}; call it
     * inside a scope that owns them.
     *
     * <p>Two forms of the same arithmetic. A large parameter is updated with {@code gradient} as the
     * only scratch space: on a CPU every temporary the size of a large parameter is a fresh
     * allocation that the kernel fills page by page, and with one temporary per term those
     * allocations cost more than the arithmetic (a third of a Boston paper-size step). A small
     * parameter takes the form with the fewest native calls, since there the per-call cost
     * dominates and small allocations are cheap.
     *
     * @param weight θ, updated in place
     * @param gradient g (already clipped); overwritten for large parameters
     * @param firstMoment m, updated in place
     * @param secondMoment v, updated in place
     * @param learningRate lr
     */
    public void update(NDArray weight, NDArray gradient, NDArray firstMoment, NDArray secondMoment, double learningRate) {
        NDArray u = weight.size() >= Tensors.LARGE ? directionInPlace(gradient, firstMoment, secondMoment)
                : direction(gradient, firstMoment, secondMoment);
        if (weightDecay != 0) {
            u.addi(weight.mul(weightDecay));
        }
        NDArray weightNorm = weight.norm().clip(0, clamp);
        NDArray updateNorm = u.norm();
        NDArray ratio = NDArrays.where(weightNorm.gt(0).logicalAnd(updateNorm.gt(0)),
                weightNorm.div(updateNorm), weightNorm.onesLike());
        weight.subi(u.muli(ratio.muli((float) learningRate)));
    }

    /** Updates m and v; returns u = m / (sqrt(v) + ε) in new arrays. */
    private NDArray direction(NDArray g, NDArray m, NDArray v) {
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.square().muli(1 - beta2));
        return m.div(v.sqrt().addi(epsilon));
    }

    /** Updates m and v; returns u = m / (sqrt(v) + ε) written over g, allocating nothing. */
    private NDArray directionInPlace(NDArray g, NDArray m, NDArray v) {
        // β·m + (1−β)·g written as (m − g)·β + g, which needs no temporary.
        m.subi(g).muli(beta1).addi(g);
        NDArray u = g.muli(g);
        v.subi(u).muli(beta2).addi(u);
        Tensors.copyInto(u, v);
        return u.powi(0.5f).addi(epsilon).powi(-1f).muli(m);
    }
}
