package org.npt4j.benchmarks;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Structure;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.NptConfig;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;

/**
 * Where a shape's resident memory goes during training: after every step, the process's resident
 * set, the Java heap committed, and glibc's own account of the native heap ({@code mallinfo2}:
 * bytes in use, bytes free but kept, bytes in separate mappings). Prints the state before training,
 * at the step of highest RSS and at the end of training, and the peak RSS up to the last step and
 * over the whole process (the trained model's weights included), next to the harness's estimate of
 * what a step needs. {@code -Dbench.steps=W,M} shortens the run. Linux with glibc 2.33 or newer.
 *
 * <pre>mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.MemoryBreakdown -Dbench.shapes=bc-paper</pre>
 */
public final class MemoryBreakdown {

    private static final double MB = 1024.0 * 1024.0;

    private MemoryBreakdown() {}

    /** glibc's {@code struct mallinfo2}, all {@code size_t}. */
    public static final class MallInfo2 extends Structure implements Structure.ByValue {
        /** Non-mmapped space allocated (bytes). */
        public long arena;
        /** Number of free chunks. */
        public long ordblks;
        /** Number of free fastbin blocks. */
        public long smblks;
        /** Number of mmapped regions. */
        public long hblks;
        /** Space allocated in mmapped regions (bytes). */
        public long hblkhd;
        /** Unused. */
        public long usmblks;
        /** Space in freed fastbin blocks (bytes). */
        public long fsmblks;
        /** Total allocated space (bytes). */
        public long uordblks;
        /** Total free space (bytes). */
        public long fordblks;
        /** Top-most, releasable space (bytes). */
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost");
        }
    }

    private record Sample(int step, double rss, double heapCommitted, double heapUsed, double mallocInUse, double mallocFree,
            double mapped) {
        String row(String when) {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |", when, step, rss, heapCommitted, heapUsed,
                    mallocInUse, mallocFree, mapped);
        }
    }

    /**
     * @param args one shape name
     */
    public static void main(String[] args) {
        BenchmarkShape shape = BenchmarkShape.named(args.length == 0 ? "bc-paper" : String.join(" ", args).trim());
        NptConfig config = shape.config();
        Table table = shape.table().get();
        Engines.pytorch();
        Function mallinfo = NativeLibrary.getInstance("c").getFunction("mallinfo2");
        Sample before = sample(0, mallinfo);
        Sample[] peak = {before};
        Sample[] last = {before};
        double[] trainingPeak = {Double.NaN};
        NptTrainer trainer = new NptTrainer(config, p -> {
            if (p.step() == p.totalSteps()) {
                trainingPeak[0] = ProcessMemory.peakRssMb();
            }
            Sample s = sample(p.step(), mallinfo);
            if (s.rss() > peak[0].rss()) {
                peak[0] = s;
            }
            last[0] = s;
        });
        try (NptModel model = trainer.fit(table, shape.targets(), null)) {
            long batchRows = BenchmarkShape.batchRows(config, table);
            double need = FlopModel.memoryBytes(ColumnLayout.of(model.schema()), config, batchRows, model.summary().parameterCount()) / MB;
            System.out.printf(Locale.ROOT, "%s: estimated need %.0f MB; peak RSS up to the last step %.0f MB (%.2f x the estimate), "
                    + "over the whole process, model included, %.0f MB (%.2f x)%n", shape.name(), need, trainingPeak[0], trainingPeak[0] / need,
                    ProcessMemory.peakRssMb(), ProcessMemory.peakRssMb() / need);
            System.out.println("| when | step | RSS (MB) | Java heap committed | heap used | malloc in use | malloc free, kept | "
                    + "malloc mmapped |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            System.out.println(before.row("before training"));
            System.out.println(peak[0].row("highest RSS after a step"));
            System.out.println(last[0].row("last step"));
        }
    }

    private static Sample sample(int step, Function mallinfo) {
        MallInfo2 m = (MallInfo2) mallinfo.invoke(MallInfo2.class, new Object[0]);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Sample(step, ProcessMemory.rssMb(), heap.getCommitted() / MB, heap.getUsed() / MB, (m.uordblks + m.hblkhd) / MB,
                m.fordblks / MB, m.hblkhd / MB);
    }
}
