package org.npt4j.core.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptInputException;

/**
 * Model files from elsewhere cannot crash or exhaust the JVM: seeded mutations of the saved
 * fixture {@code model-v1.npt} either load, into a model that then predicts (or says clearly why it
 * cannot), or are refused with an {@link NptInputException}; never an {@link Error}, never a hang.
 */
class ModelFileFuzzTest {

    private static final long SEED = 20_240_614L;
    private static final int CASES = 3000;
    /** Loaded models predicted from; loading already runs the weights through DJL, so a few suffice. */
    private static final int PREDICTED = 40;

    @Test
    void mutatedModelFilesLoadOrAreRefusedClearly() throws IOException {
        byte[] fixture;
        try (InputStream in = ModelFileFuzzTest.class.getResourceAsStream("/fixtures/model-v1.npt")) {
            fixture = in.readAllBytes();
        }
        // The unmutated file loads; this also starts the engine, which would otherwise time the first case.
        NptModel.fromBytes(fixture).close();
        int[] predicted = {0};
        ModelFuzzer fuzzer = new ModelFuzzer(fixture, ModelFuzzer.npt4jStructure(fixture));
        ModelFuzzer.Report report = fuzzer.run(SEED, CASES, data -> {
            try (NptModel model = NptModel.fromBytes(data)) {
                if (predicted[0]++ < PREDICTED) {
                    predictOrRefuseClearly(model);
                }
            }
        }, e -> e instanceof NptInputException);
        System.out.println("npt4j model fuzzing: " + report);
        assertTrue(report.refused() > CASES / 2, "most mutations are refused: " + report);
    }

    private static void predictOrRefuseClearly(NptModel model) {
        try {
            model.predict(SavedModelFixtures.queries());
        } catch (NptInputException | NptPredictionException e) {
            // Changed weights may give NaN outputs, a renamed column may not fit the rows: fine, if said clearly.
        }
    }
}
