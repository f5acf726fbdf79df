package org.npt4j.core.training;

import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.PATIENCE;
import static org.npt4j.core.Settings.STEPS;

import org.npt4j.core.Fixtures;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;

/** A child JVM for {@link ShutdownTest}: trains for a very long time, printing every step. */
public final class LongTraining {

    private LongTraining() {}

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        // The CPU preset's width on a few hundred rows: most of each step is spent inside libtorch,
        // where a signal is most likely to find the training thread.
        new NptTrainer(NptConfig.builder(Preset.CPU_FAST).set(STEPS, 1_000_000).set(BATCH_SIZE, 0).set(PATIENCE, 0).build(), p -> {
            System.out.println("step " + p.step());
            System.out.flush();
        }).fit(Fixtures.rings(600, 1), "label");
    }
}
