package org.npt4j.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/** Small array operations DJL's API lacks in the form needed here. */
public final class Tensors {

    private static final NDIndex ALL = new NDIndex("...");

    private Tensors() {}

    /**
     * Elements from which an array counts as large: code on hot paths then avoids temporaries of
     * its size, because on a CPU a fresh allocation of a megabyte or more is paid page by page
     * (glibc maps large blocks anew on every allocation and the kernel zero-fills them on first
     * touch), which can cost more than the arithmetic done with it.
     */
    public static final long LARGE = 1L << 18;

    /**
     * A 0-d constant in memory owned by PyTorch, on the manager (and device) of {@code like}.
     *
     * <p>Use it instead of {@code NDArray.mul(Number)} and {@code div(Number)} on anything autograd
     * records: DJL wraps the number in a tensor over a Java direct buffer and closes it right after
     * the operation, but autograd keeps that tensor for the backward pass, so a garbage collection
     * in between frees memory the backward pass then reads (seen as rare NaN losses and run-to-run
     * differences under load).
     *
     * @param like an array whose manager, device and data type the constant takes
     * @param value the value
     * @return the constant
     */
    public static NDArray scalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /**
     * Copies {@code src} into {@code dst} on the device, in place. Unlike {@code NDArray.copyTo},
     * which goes through a host buffer, this is one native copy; unlike {@code dst.muli(0).addi(src)}
     * it also overwrites NaN.
     *
     * @param dst destination, same shape as {@code src}
     * @param src source
     */
    public static void copyInto(NDArray dst, NDArray src) {
        dst.set(ALL, src);
    }
}
