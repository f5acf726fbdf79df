package org.npt4j.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

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
public final class Lamb {

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
     * @param weight θ, updated in place
     * @param gradient g
     * @param firstMoment m, updated in place
     * @param secondMoment v, updated in place
     * @param learningRate lr
     */
    public void update(NDArray weight, NDArray gradient, NDArray firstMoment, NDArray secondMoment, double learningRate) {
        firstMoment.muli(beta1).addi(gradient.mul(1 - beta1));
        secondMoment.muli(beta2).addi(gradient.square().muli(1 - beta2));
        NDArray u = firstMoment.div(secondMoment.sqrt().addi(epsilon));
        if (weightDecay != 0) {
            u.addi(weight.mul(weightDecay));
        }
        NDArray weightNorm = weight.norm().clip(0, clamp);
        NDArray updateNorm = u.norm();
        NDArray ratio = NDArrays.where(weightNorm.gt(0).logicalAnd(updateNorm.gt(0)),
                weightNorm.div(updateNorm), weightNorm.onesLike());
        weight.subi(u.muli(ratio.muli((float) learningRate)));
    }
}
