package org.npt4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * The command line of {@link ReferenceParity}: {@code [--seeds N | --seeds a,b,c] [--steps N | --steps-scale F] [--write]}.
 * Step overrides are for smoke tests only: a run with them is not at the parity budget, says so, and
 * may not replace {@code PARITY.md}.
 *
 * @param seeds the seeds, one fit per seed and data set
 * @param steps a fixed step count for every data set, or null
 * @param stepsScale a factor on each data set's budget, or null
 * @param write whether to write {@code PARITY.md}
 * @param arguments the arguments as given, for the report
 */
record ParityOptions(long[] seeds, Integer steps, Double stepsScale, boolean write, String arguments) {

    /** Seeds 1, 2, 3 unless told otherwise. */
    static final int DEFAULT_SEEDS = 3;

    /**
     * @param args the arguments; they may also come as one space-separated string, as Maven's exec
     *     plugin passes {@code -Dbench.shapes}
     * @return the options
     * @throws IllegalArgumentException for an unknown or malformed option, or {@code --write} with a step override
     */
    static ParityOptions parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(String.join(" ", args).trim().split("\\s+")));
        rest.removeIf(String::isEmpty);
        String given = String.join(" ", rest);
        long[] seeds = LongStream.rangeClosed(1, DEFAULT_SEEDS).toArray();
        Integer steps = null;
        Double scale = null;
        boolean write = false;
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            switch (option) {
                case "--write" -> write = true;
                case "--seeds" -> seeds = seeds(value(rest, ++i, option));
                case "--steps" -> steps = positive(Integer.parseInt(value(rest, ++i, option)), option);
                case "--steps-scale" -> scale = Double.parseDouble(value(rest, ++i, option));
                default -> throw new IllegalArgumentException("unknown option '" + option + "'; usage: " + usage());
            }
        }
        if (steps != null && scale != null) {
            throw new IllegalArgumentException("give --steps or --steps-scale, not both");
        }
        if (scale != null && !(scale > 0)) {
            throw new IllegalArgumentException("--steps-scale must be above 0, not " + scale);
        }
        ParityOptions options = new ParityOptions(seeds, steps, scale, write, given);
        if (write && !options.parityBudget()) {
            // PARITY.md records the parity budget; a smoke run must not replace it.
            throw new IllegalArgumentException("--write records the parity budget only; drop --steps/--steps-scale");
        }
        return options;
    }

    /** @return the usage line */
    static String usage() {
        return "ReferenceParity [--seeds N | --seeds a,b,c] [--steps N | --steps-scale F] [--write]";
    }

    /**
     * @param c a data set
     * @return the steps to train it: its budget unless overridden
     */
    int steps(ParityCase c) {
        if (steps != null) {
            return steps;
        }
        if (stepsScale != null) {
            return Math.max(1, (int) Math.round(c.steps() * stepsScale));
        }
        return c.steps();
    }

    /** @return whether every data set trains for the reference's own budget */
    boolean parityBudget() {
        return Arrays.stream(ParityCase.values()).allMatch(c -> steps(c) == c.steps());
    }

    private static long[] seeds(String text) {
        if (text.contains(",")) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        }
        return LongStream.rangeClosed(1, positive(Integer.parseInt(text), "--seeds")).toArray();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value; usage: " + usage());
        }
        return args.get(i);
    }

    private static int positive(int n, String option) {
        if (n < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be at least 1, not %d", option, n));
        }
        return n;
    }
}
