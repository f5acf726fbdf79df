package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.UNLABELLED_ROWS;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** Examples with Tribuo's unknown output are NPT's unlabelled rows, and provenance says so. */
class UnlabelledExamplesTest {

    private static final int LABELLED = 60;
    private static final int UNLABELLED = 25;

    /** Labelled Breast Cancer examples, then more of them with their labels replaced by the unknown output. */
    private static MutableDataset<Label> partlyLabelled() {
        List<Example<Label>> all = TribuoFixtures.breastCancer(LABELLED + UNLABELLED).getData();
        List<Example<Label>> examples = new ArrayList<>(all.subList(0, LABELLED));
        for (Example<Label> e : all.subList(LABELLED, all.size())) {
            ArrayExample<Label> copy = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL);
            e.forEach(f -> copy.add(f.getName(), f.getValue()));
            examples.add(copy);
        }
        return TribuoFixtures.dataset(examples, new LabelFactory(), "partly-labelled");
    }

    private static NptTribuoModel<Label> train(boolean unlabelledRows) {
        return new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 3).set(UNLABELLED_ROWS, unlabelledRows).build())
                .train(partlyLabelled());
    }

    private static Provenance instance(NptTribuoModel<Label> model, String key) {
        return model.getProvenance().getInstanceProvenance().getMap().get(key);
    }

    @Test
    void unknownOutputsTrainAsUnlabelledRowsAndProvenanceCountsThem() {
        try (NptTribuoModel<Label> model = train(true)) {
            assertEquals(UNLABELLED, model.trainingSummary().testRows());
            assertEquals(new IntProvenance("npt-unlabelled-examples", UNLABELLED), instance(model, "npt-unlabelled-examples"));
            assertEquals(new BooleanProvenance("npt-unlabelled-examples-used", true), instance(model, "npt-unlabelled-examples-used"));
            assertEquals(2, model.getOutputIDInfo().size(), "the unknown output is not a class");
            assertEquals(LABELLED + UNLABELLED, model.predict(partlyLabelled()).size(), "unlabelled examples are scored like any other");
        }
    }

    @Test
    void withUnlabelledRowsOffTheyAreCountedButNotUsed() {
        try (NptTribuoModel<Label> model = train(false)) {
            assertEquals(0, model.trainingSummary().testRows());
            assertEquals(new IntProvenance("npt-unlabelled-examples", UNLABELLED), instance(model, "npt-unlabelled-examples"));
            assertEquals(new BooleanProvenance("npt-unlabelled-examples-used", false), instance(model, "npt-unlabelled-examples-used"));
        }
    }

    @Test
    void aFullyLabelledDatasetRecordsNone() {
        try (NptTribuoModel<Label> model = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 2).build())
                .train(TribuoFixtures.breastCancer(40), Map.of())) {
            assertEquals(new IntProvenance("npt-unlabelled-examples", 0), instance(model, "npt-unlabelled-examples"));
        }
    }
}
