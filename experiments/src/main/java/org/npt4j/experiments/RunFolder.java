package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.config.ArgumentException;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.npt4j.experiments.report.AtomicFiles;

/**
 * The folder a run writes to: a new {@code <outputDirectory>/<date-time>/} holding the effective
 * configuration, or, with {@code --resume}, an interrupted run's folder, whose saved configuration
 * must describe the experiment loaded now.
 *
 * <p>{@code --resume <folder>} alone loads {@code <folder>/configuration.xml}, the effective
 * configuration the run started with, overrides included: what an OLCUT user would pass with
 * {@code -c} to repeat the run. A {@code -c} given with {@code --resume}, and any {@code --@} override,
 * must leave the configuration the same; otherwise the resumed folds would mix two experiments.
 */
final class RunFolder {

    /** The effective configuration's file in a run's folder. */
    static final String CONFIGURATION = "configuration.xml";

    private static final String RESUME = "--resume";

    private RunFolder() {}

    /**
     * @param args the command line
     * @return the command line, with {@code -c <folder>/configuration.xml} added when it resumes a run
     *     without naming a configuration
     * @throws ArgumentException if the folder to resume has no saved configuration
     */
    static String[] configurationArgs(String[] args) {
        List<String> list = Arrays.asList(args);
        int resume = list.indexOf(RESUME);
        String shortName = "-" + ConfigurationManager.configFileOption.charName();
        String longName = "--" + ConfigurationManager.configFileOption.longName();
        if (resume < 0 || resume + 1 >= args.length || list.contains(shortName) || list.contains(longName)) {
            return args;
        }
        Path saved = saved(Path.of(args[resume + 1]));
        List<String> out = new ArrayList<>(List.of(shortName, saved.toString()));
        out.addAll(list);
        return out.toArray(String[]::new);
    }

    /**
     * Makes a new {@code <date-time>} folder under the experiment's output directory and saves the
     * effective configuration in it, so that the run can be repeated, or resumed, from the folder alone.
     *
     * @param cm the configuration, overrides applied
     * @param experiment the experiment
     * @return the folder
     * @throws IOException if the folder or the configuration cannot be written
     */
    static Path create(ConfigurationManager cm, Experiment experiment) throws IOException {
        Path base = experiment.outputDirectory();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = base.resolve(stamp);
        for (int i = 2; Files.exists(folder); i++) {
            folder = base.resolve(stamp + "-" + i);
        }
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(CONFIGURATION), effective(cm));
        return folder;
    }

    /**
     * Checks that an interrupted run's folder holds the experiment loaded now, and clears what its
     * interrupted writes left.
     *
     * @param cm the configuration, overrides applied
     * @param folder the interrupted run's folder
     * @return the folder
     * @throws ArgumentException if the folder is not a run's folder
     * @throws IllegalArgumentException if its saved configuration differs from the one loaded, naming the difference
     * @throws IOException if the folder cannot be read
     */
    static Path resume(ConfigurationManager cm, Path folder) throws IOException {
        Optional<String> difference = ConfigurationDiff.firstDifference(effective(cm), Files.readAllBytes(saved(folder)));
        if (difference.isPresent()) {
            throw new IllegalArgumentException("cannot resume " + folder + ": its run was another experiment ("
                    + difference.get() + "). Resume with the saved configuration: " + RESUME + " " + folder + " alone.");
        }
        AtomicFiles.removeLeftovers(folder);
        return folder;
    }

    /**
     * @return the configuration a run saved in its folder
     * @throws ArgumentException if there is none: the folder is not a run's
     */
    private static Path saved(Path folder) {
        Path saved = folder.resolve(CONFIGURATION);
        if (!Files.isRegularFile(saved)) {
            throw new ArgumentException("resume", folder + " is not a run's output folder: it has no " + CONFIGURATION);
        }
        return saved;
    }

    /** The effective configuration, overrides included, as OLCUT saves it. */
    static byte[] effective(ConfigurationManager cm) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cm.save(bytes, "xml", true);
        return bytes.toByteArray();
    }
}
