package org.npt4j.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the native jar's description the way DJL does, in the default build and the cuda profile's alike. */
class CudaNativesOnCpuTest {

    @Test
    void describesTheNativeJarThisBuildPutOnTheClassPath() {
        CudaNativesOnCpu.NativeJar jar = CudaNativesOnCpu.find();
        assertNotNull(jar, "no native/lib/pytorch.properties on the class path");
        String version = System.getProperty("npt4j.pytorch.version", "2.7.1");
        assertTrue(jar.version().startsWith(version + "-"), jar.version());
        assertEquals(version.equals("2.7.1") ? "cpu" : "cu124", jar.flavor());
        assertEquals(jar.flavor().startsWith("cu"), jar.cuda());
        assertEquals("linux-x86_64", jar.classifier());
        assertTrue(List.of(jar.libraries()).contains("libtorch.so"), List.of(jar.libraries()).toString());
        // Not DJL's own folder name, which a GPU machine would take for a whole build.
        assertEquals("npt4j-on-cpu-" + version + "-" + jar.flavor() + "-linux-x86_64", jar.folderName());
    }
}
