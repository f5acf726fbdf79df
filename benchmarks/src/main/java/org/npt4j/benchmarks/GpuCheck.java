package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.STEPS;

import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.demo.BundledDatasets;

/**
 * The Java part of {@code benchmarks/gpu-check.sh}: what DJL sees (engine, CUDA, devices), and
 * whether one model's predictions agree on the GPU and the CPU. The model is trained on the GPU
 * (Breast Cancer, the CPU_QUICK preset for 300 steps, the first 455 rows), then scores the other
 * 114 rows on the GPU and again on the CPU ({@link NptModel#withDevice}); the class probabilities
 * must agree within {@link #TOLERANCE}. Without a GPU it reports that and checks nothing.
 *
 * <pre>java ... org.npt4j.benchmarks.GpuCheck &lt;report.md&gt;</pre>
 * Exit status 0 when the check passed or there is no GPU, 1 when the predictions disagree.
 */
public final class GpuCheck {

    /**
     * Largest difference allowed between a class probability computed on the GPU and on the CPU:
     * float32 on both, but cuBLAS and MKL sum in different orders through 4 layers and a softmax.
     */
    static final double TOLERANCE = 1e-3;

    private GpuCheck() {}

    /**
     * @param args the Markdown file to write
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "benchmarks/target/gpu-check-java.md");
        StringBuilder md = new StringBuilder();
        Engine engine = Engines.pytorch();
        int gpus = engine.getGpuCount();
        md.append(String.format(Locale.ROOT, "- Engine: %s; GPUs visible to DJL: %d%n", Engines.versions(), gpus));
        boolean agree = true;
        if (gpus == 0) {
            md.append("- No GPU visible: the GPU checks were skipped.\n");
        } else {
            md.append(String.format(Locale.ROOT, "- CUDA (as DJL reports it): %s; compute capability of GPU 0: %s%n",
                    CudaUtils.getCudaVersionString(), CudaUtils.getComputeCapability(0)));
            agree = predictionsAgree(md);
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md.toString());
        System.out.print(md);
        System.exit(agree ? 0 : 1);
    }

    private static boolean predictionsAgree(StringBuilder md) {
        Table all = BundledDatasets.breastCancer();
        int train = 455;
        Table fit = all.selectRows(IntStream.range(0, train).toArray());
        Table test = all.selectRows(IntStream.range(train, all.rowCount()).toArray());
        String target = BundledDatasets.BREAST_CANCER_TARGET;
        NptConfig config = NptConfig.builder(Preset.CPU_QUICK).set(STEPS, 300).set(DEVICE, "gpu").build();
        long start = System.nanoTime();
        try (NptModel onGpu = new NptTrainer(config).fit(fit, List.of(target), null);
                NptModel onCpu = onGpu.withDevice("cpu")) {
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            ClassPredictions gpu = onGpu.predict(test).classes(target);
            ClassPredictions cpu = onCpu.predict(test).classes(target);
            double worst = 0;
            int sameLabel = 0;
            for (int i = 0; i < test.rowCount(); i++) {
                double[] g = gpu.probabilities(i);
                double[] c = cpu.probabilities(i);
                for (int k = 0; k < g.length; k++) {
                    worst = Math.max(worst, Math.abs(g[k] - c[k]));
                }
                sameLabel += gpu.classIndex(i) == cpu.classIndex(i) ? 1 : 0;
            }
            boolean ok = worst <= TOLERANCE;
            md.append(String.format(Locale.ROOT, "- One model trained on the GPU (Breast Cancer, CPU_QUICK, 300 steps, %d rows) "
                    + "in %.1f s; on %d test rows the largest GPU/CPU difference of a class probability is %.2e "
                    + "(tolerance %.0e): %s; the same label for %d of %d rows%n", train, trainSeconds, test.rowCount(), worst,
                    TOLERANCE, ok ? "**agree**" : "**DISAGREE**", sameLabel, test.rowCount()));
            return ok;
        }
    }
}
