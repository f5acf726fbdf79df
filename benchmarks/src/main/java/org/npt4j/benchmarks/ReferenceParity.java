package org.npt4j.benchmarks;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npt4j.benchmarks.ParityReport.CaseOutcome;
import org.npt4j.benchmarks.ParityReport.RunFacts;
import org.npt4j.benchmarks.ParityTrainer.SeedResult;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.table.Table;

/**
 * Trains npt4j on exactly the NPT reference's fold-0 split of Breast Cancer and Boston with the
 * reference's settings at its short budgets (100 and 40 full-batch steps), over several seeds,
 * and prints the results beside what the reference code reached, as Markdown on standard output
 * (progress goes to standard error). About 25 minutes for three seeds on 2 cores.
 *
 * <pre>
 *   ReferenceParity                  # seeds 1, 2, 3
 *   ReferenceParity --seeds 5        # seeds 1..5; --seeds 1,7,9 for a list
 *   ReferenceParity --write          # also writes benchmarks/PARITY.md
 *   ReferenceParity --steps 2 --seeds 1   # smoke test; says it is not the parity budget
 * </pre>
 *
 * Through Maven: {@code mvn -q -pl benchmarks exec:exec -Dbench.main=org.npt4j.benchmarks.ReferenceParity
 * -Dbench.shapes="--write"}.
 */
public final class ReferenceParity {

    /** The report's file name, in the benchmarks module. */
    static final String REPORT = "PARITY.md";

    private ReferenceParity() {}

    /**
     * @param args see {@link ParityOptions#usage()}
     * @throws IOException if the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        ParityOptions options;
        try {
            options = ParityOptions.parse(args);
        } catch (IllegalArgumentException e) {
            // Maven passes -Dbench.shapes as the arguments; its default belongs to StepBenchmark.
            System.err.println(e.getMessage() + "\nusage: " + ParityOptions.usage() + "\nthrough Maven: mvn -q -pl benchmarks exec:exec "
                    + "-Dbench.main=" + ReferenceParity.class.getName() + " -Dbench.shapes=\"--seeds 3 --write\"");
            System.exit(2);
            return;
        }
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (ParityCase c : ParityCase.values()) {
            Table table = c.table();
            ParitySplits splits = ParitySplits.load(c.splitKey());
            EncoderCheck check = EncoderCheck.of(table, c.targets(), splits);
            int steps = options.steps(c);
            List<SeedResult> seeds = new ArrayList<>();
            for (long seed : options.seeds()) {
                System.err.printf("%s, seed %d: %d steps%n", c.title(), seed, steps);
                seeds.add(ParityTrainer.run(c, table, splits, seed, steps, System.err::println));
            }
            outcomes.add(new CaseOutcome(c, c.config(options.seeds()[0], steps), steps, check, seeds));
        }
        String report = ParityReport.markdown(facts(options), outcomes);
        System.out.println(report);
        if (options.write()) {
            Path file = reportFile();
            ParityReport.write(file, report);
            System.err.println("written to " + file.toAbsolutePath());
        }
    }

    private static RunFacts facts(ParityOptions options) throws IOException {
        String command = "mvn -q -pl benchmarks exec:exec -Dbench.main=" + ReferenceParity.class.getName()
                + " -Dbench.shapes=\"" + options.arguments() + "\"";
        String machine = String.format(Locale.ROOT, "%d cores, os.arch %s, %s, Java %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), cpu(), System.getProperty("java.version"));
        // Through npt4j's engine access, so that the engine is the one training used (offline, its thread settings).
        String engine = "DJL " + Engine.getDjlVersion() + ", PyTorch " + Engines.pytorch().getVersion();
        return new RunFacts(command, ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), machine, engine,
                options.parityBudget());
    }

    private static String cpu() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return "CPU model unknown";
    }

    /** Maven runs the module from its own folder; from the project root, the report still goes into benchmarks/. */
    private static Path reportFile() {
        Path module = Path.of("benchmarks");
        return Files.isRegularFile(module.resolve("pom.xml")) ? module.resolve(REPORT) : Path.of(REPORT);
    }
}
