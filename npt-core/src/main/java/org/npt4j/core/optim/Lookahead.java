package org.npt4j.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.npt4j.core.engine.Tensors;

/**
 * Lookahead around the base optimiser: every k steps the slow weights move α of the way towards the
 * fast ones and the fast weights are reset to them. As in the reference, the slow weights are
 * created lazily as a copy of the fast weights at the first synchronisation, which therefore
 * changes nothing.
 */
public final class Lookahead implements AutoCloseable {

    private final float alpha;
    private final int period;
    private final NDManager state;
    private NDArray[] slow;
    private int steps;

    /**
     * @param alpha α
     * @param period k; 0 disables Lookahead
     * @param parent manager under which the slow weights live
     */
    public Lookahead(double alpha, int period, NDManager parent) {
        this.alpha = (float) alpha;
        this.period = period;
        this.state = parent.newSubManager();
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
        for (int i = 0; i < slow.length; i++) {
            NDArray fast = parameters.get(i).getArray();
            try (NDManager scope = state.newSubManager()) {
                scope.tempAttachAll(fast, slow[i]);
                slow[i].addi(fast.sub(slow[i]).muli(alpha));
                Tensors.copyInto(fast, slow[i]);
            }
        }
    }

    @Override
    public void close() {
        state.close();
    }
}
