package org.npt4j.weka;

import java.io.PrintStream;
import org.npt4j.core.training.TrainingListener;
import org.npt4j.core.training.TrainingProgress;
import weka.gui.Logger;

/**
 * Shows NPT's training progress where a Weka user looks: the Explorer's status line (every step)
 * and log (every tenth of the run), or standard error on the command line (every tenth).
 */
public final class ProgressReporter implements TrainingListener {

    private final Logger log;
    private final PrintStream console;
    private final String name;

    /**
     * @param log the Explorer's logger, or null outside the GUI
     * @param console where command-line runs report
     * @param name the classifier's name, prefixing messages
     */
    public ProgressReporter(Logger log, PrintStream console, String name) {
        this.log = log;
        this.console = console;
        this.name = name;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        boolean milestone = p.step() == 1 || p.step() == p.totalSteps() || p.step() % Math.max(1, p.totalSteps() / 10) == 0;
        String line = name + ": " + p.format();
        if (log != null) {
            log.statusMessage(line);
            if (milestone) {
                log.logMessage(line);
            }
        } else if (milestone) {
            console.println(line);
        }
    }
}
