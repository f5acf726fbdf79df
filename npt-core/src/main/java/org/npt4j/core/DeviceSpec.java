package org.npt4j.core;

import java.util.Locale;

/**
 * A device request as users write it: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N},
 * or {@code auto} (the first GPU when one is usable, otherwise the CPU). Resolution to a real
 * device happens in {@link org.npt4j.core.engine.Devices}.
 *
 * @param kind what was asked for
 * @param gpuIndex the GPU index, 0 unless {@code kind} is {@link Kind#GPU}
 */
public record DeviceSpec(Kind kind, int gpuIndex) {

    /** The kinds of request. */
    public enum Kind {
        /** The CPU. */
        CPU,
        /** A specific GPU; failing if it is not usable. */
        GPU,
        /** A GPU when one is usable, otherwise the CPU. */
        AUTO
    }

    /**
     * @param text {@code cpu}, {@code gpu}, {@code gpu:N}, {@code gpuN} or {@code auto}, any case
     * @return the parsed request
     * @throws NptConfigException naming the {@code device} field when the text is not one of those
     */
    public static DeviceSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return new DeviceSpec(Kind.CPU, 0);
        }
        if (t.equals("auto")) {
            return new DeviceSpec(Kind.AUTO, 0);
        }
        if (t.equals("gpu") || t.equals("cuda")) {
            return new DeviceSpec(Kind.GPU, 0);
        }
        for (String prefix : new String[] {"gpu:", "cuda:", "gpu"}) {
            if (t.startsWith(prefix)) {
                try {
                    int i = Integer.parseInt(t.substring(prefix.length()));
                    if (i >= 0) {
                        return new DeviceSpec(Kind.GPU, i);
                    }
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new NptConfigException("device", "'" + text + "' is not a device; use cpu, gpu, gpu:N or auto");
    }

    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + gpuIndex : kind.name().toLowerCase(Locale.ROOT);
    }
}
