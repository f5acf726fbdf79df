package org.npt4j.core.engine;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches PyTorch's thread-local autograd recording off for a scope and restores it afterwards.
 * Optimiser updates must not be recorded (they update leaf tensors in place), and inference on
 * a worker thread would otherwise build graphs: PyTorch enables recording on every new thread and
 * DJL only turns it off on the thread that loaded the engine.
 */
public final class GradMode implements AutoCloseable {

    private final boolean previous;

    private GradMode() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** @return a scope with recording off; close it to restore the previous state */
    public static GradMode disabled() {
        return new GradMode();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
