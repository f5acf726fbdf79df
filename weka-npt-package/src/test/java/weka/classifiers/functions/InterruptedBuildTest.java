package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.npt4j.core.engine.Engines;
import org.npt4j.core.training.NptTrainingInterruptedException;
import weka.core.Instances;
import weka.gui.Logger;

/**
 * The Explorer's Stop button interrupts the thread that builds the classifier: training ends at the
 * next step with a clear exception, frees its native memory, and the classifier builds again.
 */
class InterruptedBuildTest {

    @Test
    void anInterruptAtARandomStepEndsTheBuildAndTheClassifierBuildsAgain() throws Exception {
        Instances data = WekaWorkflowTest.load("iris.arff");
        NonParametricTransformer npt = NonParametricTransformerTest.tiny();
        npt.setSteps(10_000);
        int stopAt = 2 + new SplittableRandom(System.nanoTime()).nextInt(15);
        AtomicInteger steps = new AtomicInteger();
        npt.setLog(new Logger() {
            @Override
            public void logMessage(String message) {}

            @Override
            public void statusMessage(String message) {
                // The Explorer's status line hears of every step; stop as its Stop button would.
                if (steps.incrementAndGet() == stopAt) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        int before = Engines.liveArrays();
        assertThrows(NptTrainingInterruptedException.class, () -> npt.buildClassifier(data));
        assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller (and cleared here)");
        assertEquals(stopAt, steps.get(), "no step ran after the interrupt");
        assertEquals(before, Engines.liveArrays(), "the interrupted build freed its native memory");
        npt.setLog(null);
        npt.setSteps(3);
        npt.buildClassifier(data);
        assertEquals(3, npt.distributionForInstance(data.instance(0)).length);
    }
}
