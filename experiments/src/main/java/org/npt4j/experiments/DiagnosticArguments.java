package org.npt4j.experiments;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npt4j.core.Preset;

/**
 * The command line of {@link DependenceDiagnostic}: where the data come from (a file and its target,
 * or an experiment config's data source), the NPT preset and setting overrides, the split and the
 * output folder. Any option it does not know is taken as an NPT setting ({@code --steps 300}).
 */
final class DiagnosticArguments {

    /** The command's usage, printed with {@code --help} and after a bad command line. */
    static final String USAGE = """
            DependenceDiagnostic (--data FILE --target COLUMN [--categorical A,B] [--drop A,B] [--skip-lines N]
                                  | --config EXPERIMENT.xml [--source NAME])
                                 [--preset cpu|quick|paper] [--test-fraction 0.2] [--pool-fraction 0.2] [--seed 1]
                                 [--out FOLDER] [--SETTING VALUE ...]
              --data, --target     a CSV (header line) or ARFF file and the column to predict
              --config, --source   or the data source (TableSource) of an experiment config; --source names it
                                   when the config has several
              --test-fraction      share of the rows predicted as queries (default 0.2)
              --pool-fraction      share of the rows set aside to draw replacement contexts from (default 0.2);
                                   the rest train the model and are its context
              --seed               the split, the corruptions and NPT's own seed (default 1)
              --out                output folder (default results/dependence/<date-time>)
              --SETTING VALUE      any NPT setting by name, e.g. --steps 300 --targetMaskProbability 0.5""";

    /** When {@code --out} is not given: a fresh folder per run. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    Path data;
    String target;
    List<String> categorical = List.of();
    List<String> drop = List.of();
    int skipLines = 0;
    Path config;
    String source;
    Preset preset = Preset.CPU_FAST;
    double testFraction = 0.2;
    double poolFraction = 0.2;
    long seed = 1;
    Path out;
    boolean help;
    /** NPT settings by name, in command-line order. */
    final Map<String, String> settings = new LinkedHashMap<>();

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException if an option lacks its value, a value does not parse, or the
     *     data are given both ways or neither
     */
    static DiagnosticArguments parse(String[] args) {
        DiagnosticArguments a = new DiagnosticArguments();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                a.help = true;
                return a;
            }
            if (!option.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --OPTION VALUE, found '" + option + "'"
                        + (i + 1 >= args.length && option.startsWith("--") ? " without a value" : ""));
            }
            String value = args[++i];
            switch (option.substring(2)) {
                case "data" -> a.data = Path.of(value);
                case "target" -> a.target = value;
                case "categorical" -> a.categorical = list(value);
                case "drop" -> a.drop = list(value);
                case "skip-lines" -> a.skipLines = parseInt(option, value);
                case "config" -> a.config = Path.of(value);
                case "source" -> a.source = value;
                case "preset" -> a.preset = Preset.parse(value);
                case "test-fraction" -> a.testFraction = parseDouble(option, value);
                case "pool-fraction" -> a.poolFraction = parseDouble(option, value);
                case "seed" -> a.seed = parseLong(option, value);
                case "out" -> a.out = Path.of(value);
                default -> a.settings.put(option.substring(2), value);
            }
        }
        a.check();
        return a;
    }

    private void check() {
        if ((data == null) == (config == null)) {
            throw new IllegalArgumentException("give the data either as --data FILE --target COLUMN or as --config EXPERIMENT.xml");
        }
        if (data != null && target == null) {
            throw new IllegalArgumentException("--data needs --target, the column to predict");
        }
        if (config != null && (target != null || !categorical.isEmpty() || !drop.isEmpty() || skipLines != 0)) {
            throw new IllegalArgumentException("--config takes the target and columns from the config's data source; "
                    + "drop --target, --categorical, --drop and --skip-lines");
        }
        if (!(testFraction > 0 && poolFraction > 0 && testFraction + poolFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction and --pool-fraction must be above 0 and leave rows to train on; found "
                    + testFraction + " and " + poolFraction);
        }
    }

    /** @return {@code --out}, or a new folder under results/dependence named by the time */
    Path outputFolder() {
        return out != null ? out : Path.of("results", "dependence", LocalDateTime.now().format(STAMP));
    }

    private static List<String> list(String value) {
        return new ArrayList<>(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, found '" + value + "'");
        }
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, found '" + value + "'");
        }
    }

    private static double parseDouble(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, found '" + value + "'");
        }
    }
}
