package org.npt4j.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.npt4j.experiments.score.FoldResult;
import org.npt4j.experiments.score.Metric;

/**
 * {@code folds.csv}, kept up to date as an experiment runs: every (fold, trainer) result is written
 * the moment it is known, so that a run stopped at any point (a crash, {@code kill -9}, a failing
 * trainer) keeps every fold it finished, and {@code --resume} can read them back.
 *
 * <p>Columns: {@code trainer}, {@code repeat} (only where the protocol repeats, from 0),
 * {@code fold} (from 0, counted across repetitions: see {@link FoldNumbering}), one per metric, {@code provenance} (the
 * model's provenance file), {@code status} ({@code ok} or {@code failed}) and {@code message} (why it
 * failed). Lines are sorted by fold, then by trainer in configuration order, so a resumed run ends
 * with the same file as an uninterrupted one. The whole file is rewritten through {@link AtomicFiles}
 * after each result, which is what makes every line complete whenever the process dies: an appended
 * line could be cut short. The file stays small (one line per fold and trainer).
 */
public final class FoldLog {

    /** The file's name in the run's output folder. */
    public static final String FILE = "folds.csv";

    private static final String OK = "ok";
    private static final String FAILED = "failed";

    private final Path folder;
    private final List<String> trainers;
    private final FoldNumbering numbering;
    private final List<Metric> metrics;
    /** Results by position: fold, then trainer in configuration order. */
    private final TreeMap<Integer, FoldResult> results = new TreeMap<>();

    private FoldLog(Path folder, List<String> trainers, FoldNumbering numbering, List<Metric> metrics) {
        this.folder = folder;
        this.trainers = List.copyOf(trainers);
        this.numbering = numbering;
        this.metrics = List.copyOf(metrics);
    }

    /**
     * Starts the log of a new run: a {@code folds.csv} with its header alone.
     *
     * @param folder the run's output folder
     * @param trainers the trainers' names in configuration order
     * @param folds the number of folds
     * @param metrics the metrics, one column each, in order
     * @return the log
     * @throws IOException if the file cannot be written
     */
    public static FoldLog start(Path folder, List<String> trainers, int folds, List<Metric> metrics) throws IOException {
        return start(folder, trainers, FoldNumbering.single(folds), metrics);
    }

    /**
     * Starts the log of a new run: a {@code folds.csv} with its header alone.
     *
     * @param folder the run's output folder
     * @param trainers the trainers' names in configuration order
     * @param numbering the folds, and their repetitions
     * @param metrics the metrics, one column each, in order
     * @return the log
     * @throws IOException if the file cannot be written
     */
    public static FoldLog start(Path folder, List<String> trainers, FoldNumbering numbering, List<Metric> metrics)
            throws IOException {
        FoldLog log = new FoldLog(folder, trainers, numbering, metrics);
        log.save();
        return log;
    }

    /**
     * Reads back an interrupted run's log. The results it keeps are those finished for good: an
     * {@code ok} line whose provenance and predictions files are both there. Failed lines are dropped, so
     * that the resumed run tries them again. A folder without {@code folds.csv} (a run stopped before
     * it wrote one) has nothing finished.
     *
     * @param folder the interrupted run's output folder
     * @param trainers the trainers' names in configuration order
     * @param folds the number of folds
     * @param metrics the metrics, one column each, in order
     * @return the log, holding the finished results
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not this experiment's: other columns, another
     *     trainer or fold, or a line that cannot be read
     */
    public static FoldLog resume(Path folder, List<String> trainers, int folds, List<Metric> metrics) throws IOException {
        return resume(folder, trainers, FoldNumbering.single(folds), metrics);
    }

    /**
     * Reads back an interrupted run's log, as {@link #resume(Path, List, int, List)} does, for a
     * protocol that may repeat: a fold's identity is its number, which includes its repetition.
     *
     * @param folder the interrupted run's output folder
     * @param trainers the trainers' names in configuration order
     * @param numbering the folds, and their repetitions
     * @param metrics the metrics, one column each, in order
     * @return the log, holding the finished results
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not this experiment's
     */
    public static FoldLog resume(Path folder, List<String> trainers, FoldNumbering numbering, List<Metric> metrics)
            throws IOException {
        FoldLog log = new FoldLog(folder, trainers, numbering, metrics);
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return log;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(log.header())) {
            throw new IllegalArgumentException(file + " does not have this experiment's columns: expected\n  " + log.header()
                    + "\nfound\n  " + (lines.isEmpty() ? "an empty file" : lines.get(0)));
        }
        for (int i = 1; i < lines.size(); i++) {
            FoldResult r;
            try {
                r = log.parse(lines.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (r.ok() && log.filesExist(r)) {
                log.results.put(log.position(r), r);
            }
        }
        return log;
    }

    /**
     * @param trainer a trainer's name
     * @param fold a fold's index
     * @return the trainer's finished result on the fold, if there is one
     */
    public Optional<FoldResult> finished(String trainer, int fold) {
        return Optional.ofNullable(results.get(position(trainer, fold))).filter(FoldResult::ok);
    }

    /**
     * Records a result, replacing any earlier one of the same trainer and fold, and rewrites the file.
     *
     * @param result a finished or failed (fold, trainer)
     * @throws IOException if the file cannot be written
     */
    public void record(FoldResult result) throws IOException {
        results.put(position(result), result);
        save();
    }

    /** @return every result recorded or read back, by fold, then trainer in configuration order */
    public List<FoldResult> results() {
        return List.copyOf(results.values());
    }

    private void save() throws IOException {
        StringBuilder out = new StringBuilder(header()).append('\n');
        for (FoldResult r : results.values()) {
            out.append(line(r)).append('\n');
        }
        AtomicFiles.write(folder.resolve(FILE), out.toString());
    }

    private String header() {
        StringBuilder out = new StringBuilder(numbering.repeated() ? "trainer,repeat,fold" : "trainer,fold");
        for (Metric m : metrics) {
            out.append(',').append(m.key());
        }
        return out.append(",provenance,status,message").toString();
    }

    private String line(FoldResult r) {
        StringBuilder out = new StringBuilder(Csv.field(r.trainer())).append(',');
        if (numbering.repeated()) {
            out.append(numbering.repeat(r.fold())).append(',');
        }
        out.append(r.fold());
        for (Metric m : metrics) {
            double v = r.get(m);
            out.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
        }
        out.append(',').append(Csv.field(r.provenanceFile())).append(',').append(r.ok() ? OK : FAILED).append(',');
        // One result per line, so that the file reads back line by line: a message's line breaks become spaces.
        return out.append(r.ok() ? "" : Csv.field(r.failure().replaceAll("\\R", " "))).toString();
    }

    private FoldResult parse(String line) {
        List<String> f = Csv.parse(line);
        // The repeat column, where there is one, only restates the fold's repetition: it is checked, not kept.
        int first = numbering.repeated() ? 3 : 2;
        int columns = metrics.size() + first + 3;
        if (f.size() != columns) {
            throw new IllegalArgumentException(f.size() + " fields where the header has " + columns);
        }
        String trainer = f.get(0);
        int fold = Integer.parseInt(f.get(first - 1));
        position(trainer, fold);
        if (numbering.repeated() && Integer.parseInt(f.get(1)) != numbering.repeat(fold)) {
            throw new IllegalArgumentException("fold " + fold + " is in repeat " + numbering.repeat(fold) + ", not " + f.get(1));
        }
        Map<Metric, Double> scores = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            String v = f.get(first + m);
            if (!v.isEmpty()) {
                scores.put(metrics.get(m), Double.parseDouble(v));
            }
        }
        String status = f.get(columns - 2);
        return switch (status) {
            case OK -> new FoldResult(trainer, fold, scores, f.get(columns - 3));
            case FAILED -> FoldResult.failed(trainer, fold, f.get(columns - 1));
            default -> throw new IllegalArgumentException("status '" + status + "' is neither " + OK + " nor " + FAILED);
        };
    }

    /** A result read back counts only with the files the runner writes before its line. */
    private boolean filesExist(FoldResult r) {
        return !r.provenanceFile().isEmpty() && Files.isRegularFile(folder.resolve(r.provenanceFile()))
                && Files.isRegularFile(folder.resolve(ResultFiles.predictionsFile(r.trainer(), r.fold())));
    }

    private int position(FoldResult r) {
        return position(r.trainer(), r.fold());
    }

    private int position(String trainer, int fold) {
        int t = trainers.indexOf(trainer);
        if (t < 0) {
            throw new IllegalArgumentException("trainer '" + trainer + "' is not one of this experiment's " + trainers);
        }
        if (fold < 0 || fold >= numbering.folds()) {
            throw new IllegalArgumentException("fold " + fold + " is not one of this experiment's folds 0 to "
                    + (numbering.folds() - 1));
        }
        return fold * trainers.size() + t;
    }
}
