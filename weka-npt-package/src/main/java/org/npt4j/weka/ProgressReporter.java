package org.npt4j.weka;

import java.io.PrintStream;
import org.npt4j.core.training.TrainingListener;
import org.npt4j.core.training.TrainingProgress;
import weka.gui.Logger;

/**
 * Shows NPT's training progress where a Weka user looks: the Explorer's status line (every step)
 * and log (every tenth of the run), and standard error (every tenth) for command-line runs.
 *
 * <p>Other callers, the Experimenter among them, set no Logger and do not expect a classifier to
 * write to standard error: an experiment trains NPT once per data set, run and fold, eleven
 * progress lines each. They get no console output unless they turn on the classifier's debug
 * option.
 */
public final class ProgressReporter implements TrainingListener {

    private final Logger log;
    private final PrintStream console;
    private final String name;

    /**
     * @param log the Explorer's logger, or null outside the GUI
     * @param console where command-line runs report, or null to report nowhere but the logger
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
        }
        if (console != null && milestone) {
            console.println(line);
        }
    }

    /**
     * Whether the current thread runs a classifier or filter from Weka's command line: {@code weka.Run},
     * a classifier's or filter's {@code main} and the Simple CLI all go through {@code
     * AbstractClassifier.runClassifier} or {@code Filter.runFilter}, and nothing else does (the Explorer, the Experimenter
     * and the Knowledge Flow call {@code buildClassifier} themselves). Weka passes no such
     * information to the classifier, so the call stack is asked, once per build.
     *
     * @return true when {@code AbstractClassifier.runClassifier} or {@code Filter.runFilter} is on the stack
     */
    public static boolean onWekasCommandLine() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getMethodName().equals("runClassifier") && f.getClassName().equals("weka.classifiers.AbstractClassifier")
                        || f.getMethodName().equals("runFilter") && f.getClassName().equals("weka.filters.Filter")));
    }
}
