package org.npt4j.experiments;

import java.io.IOException;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.FoldResult;

/**
 * Runs the jobs one after another in this JVM, in split order and trainers in configuration order,
 * showing NPT's training steps as they happen: the default executor. Each split's datasets are built
 * once, when its first job runs, and shared by its trainers.
 */
public final class InProcessExecutor implements FoldExecutor {

    @Override
    public void run(FoldBatch batch, Sink sink) throws IOException {
        FoldDatasets data = null;
        for (FoldJob job : batch.jobs()) {
            Split split = batch.splits().get(job.split());
            if (data == null || data.split() != split) {
                data = new FoldDatasets(batch.work().source(), split, batch.experiment().protocol());
            }
            batch.display().started(batch.names().get(job.trainer()), split.index());
            FoldOutput output = batch.work().run(job.trainer(), split, data, batch.display()::step);
            // Written before it is shown: a fold reported done is a fold on disk.
            sink.accept(output);
            FoldResult result = output.result();
            batch.display().finished(result);
        }
    }

    @Override
    public String describe() {
        return "in this JVM, one job at a time";
    }
}
