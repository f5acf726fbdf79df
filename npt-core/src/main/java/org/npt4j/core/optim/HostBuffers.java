package org.npt4j.core.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/** Host views of CPU tensors' own memory, for the optimiser's element-wise passes. */
final class HostBuffers {

    private HostBuffers() {}

    /**
     * @param arrays the arrays an update would touch
     * @return whether all of them can be updated through host views: float32 on the CPU
     */
    static boolean supported(List<NDArray> arrays) {
        return arrays.stream().allMatch(a -> Device.Type.CPU.equals(a.getDevice().getDeviceType()) && a.getDataType() == DataType.FLOAT32);
    }

    /**
     * A view of a CPU float32 tensor's storage: writes go to the tensor. Valid while the tensor
     * lives. Parameters, their gradients and the optimiser's state are contiguous (PyTorch lays a
     * gradient out like its parameter), which is what makes the view the storage itself rather
     * than a copy.
     *
     * @param array a contiguous CPU float32 array
     * @return the view, in native byte order
     */
    static FloatBuffer view(NDArray array) {
        java.nio.ByteBuffer bytes = array.toByteBuffer(true);
        if (!bytes.isDirect()) {
            // A heap copy would take the update and drop it silently.
            throw new IllegalStateException("the engine gave a copy, not a view, of a " + array.getShape() + " array");
        }
        return bytes.order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
