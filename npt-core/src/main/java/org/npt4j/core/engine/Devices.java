package org.npt4j.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.logging.Logger;
import org.npt4j.core.DeviceSpec;

/**
 * Turns a {@link DeviceSpec} into a DJL device that works. {@code auto} falls back to the CPU with
 * a logged message; an explicit GPU that is not usable is an error.
 */
public final class Devices {

    private static final Logger LOG = Logger.getLogger(Devices.class.getName());

    private Devices() {}

    /**
     * @param spec what the user asked for
     * @param engine the engine
     * @return a usable device
     * @throws IllegalStateException if a GPU was asked for explicitly and cannot be used
     */
    public static Device resolve(DeviceSpec spec, Engine engine) {
        switch (spec.kind()) {
            case CPU:
                return Device.cpu();
            case GPU: {
                Device gpu = Device.gpu(spec.gpuIndex());
                String problem = probe(gpu, engine);
                if (problem != null) {
                    throw new IllegalStateException("Device " + spec + " was requested but cannot be used: " + problem
                            + ". Use device 'cpu' or 'auto'.");
                }
                return gpu;
            }
            default: {
                Device gpu = Device.gpu(0);
                // DJL counts GPUs through libcudart, which may be absent even when libtorch has CUDA: probe instead.
                String problem = probe(gpu, engine);
                if (problem == null) {
                    return gpu;
                }
                LOG.info(() -> "device auto: using the CPU (" + problem + ")");
                return Device.cpu();
            }
        }
    }

    /** @return null when a tiny computation on the device works, else why it does not */
    private static String probe(Device device, Engine engine) {
        try (NDManager m = engine.newBaseManager(device)) {
            m.ones(new ai.djl.ndarray.types.Shape(2)).sum().getFloat();
            return null;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
