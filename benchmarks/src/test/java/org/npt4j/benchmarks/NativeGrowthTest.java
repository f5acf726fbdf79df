package org.npt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The long-run memory probe: its slope, and a short run's summary and per-step series. */
class NativeGrowthTest {

    @Test
    void slopeIsTheLeastSquaresFitOverTheRange() {
        double[] y = new double[20];
        for (int s = 0; s < y.length; s++) {
            y[s] = s < 5 ? 1000 : 3.0 + 0.5 * s;
        }
        assertEquals(0.5, NativeGrowth.slope(y, 5, 19), 1e-12, "steps before the range are ignored");
        assertEquals(0.0, NativeGrowth.slope(new double[] {2, 2, 2}, 0, 2), 0.0);
    }

    @Test
    void aShortRunKeepsItsLiveArrayCountFlatAndWritesEveryStep() throws Exception {
        String[] f = NativeGrowth.run(BenchmarkShape.named("scale-256"), 16).split("\t", -1);
        assertEquals(NativeGrowth.HEADER.split(",").length, f.length);
        assertEquals("scale-256", f[0]);
        assertEquals("16", f[1]);
        assertEquals(f[9], f[10], "live arrays after settling: min " + f[9] + ", max " + f[10]);
        List<String> series = Files.readAllLines(Path.of("target", "native-growth-scale-256.csv"));
        assertEquals("step,rss_mb,heap_committed_mb,live_arrays,step_ms", series.get(0));
        assertEquals(17, series.size());
    }
}
