package org.npt4j.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.TrainingSummary;
import org.npt4j.core.training.SweepResult;
import org.tribuo.Dataset;

/**
 * What an NPT model's results depend on beyond its trainer's fields, as the instance provenance
 * Tribuo stores with the model: the NPT seed drawn, the resolved configuration, the engine and the
 * device, the kept step, the unlabelled examples and whether they were used, the validation data,
 * and for a sweep the chosen variant and every variant's validation loss.
 *
 * @param npt the fitted model
 * @param nptSeed the seed the trainer drew for it
 * @param unlabelled how many training examples had an unknown output
 * @param sweep the sweep's result, or null for a single configuration
 * @param validation the caller's validation data, or null
 */
record ModelFacts(NptModel npt, long nptSeed, int unlabelled, SweepResult sweep, Dataset<?> validation) {

    /**
     * @param runProvenance the caller's run provenance, kept as given
     * @return the run provenance with these facts added
     */
    Map<String, Provenance> withRun(Map<String, Provenance> runProvenance) {
        Map<String, Provenance> out = new HashMap<>(runProvenance);
        TrainingSummary s = npt.summary();
        put(out, new LongProvenance("npt-seed", nptSeed));
        put(out, new StringProvenance("npt-device", s.device()));
        put(out, new StringProvenance("djl-version", ai.djl.engine.Engine.getDjlVersion()));
        put(out, new StringProvenance("pytorch-version", ai.djl.engine.Engine.getEngine("PyTorch").getVersion()));
        put(out, new StringProvenance("npt-configuration", npt.config().toMap().toString()));
        put(out, new LongProvenance("npt-best-step", s.bestStep()));
        put(out, new IntProvenance("npt-unlabelled-examples", unlabelled));
        put(out, new BooleanProvenance("npt-unlabelled-examples-used", unlabelled > 0 && s.testRows() > 0));
        if (sweep != null) {
            put(out, new StringProvenance("npt-sweep-chosen", sweep.chosenName()));
            put(out, new StringProvenance("npt-sweep-validation-losses", sweep.outcomes().stream()
                    .map(o -> o.name() + "=" + o.summary().bestValidationLoss()).collect(Collectors.joining(", "))));
        }
        if (validation != null) {
            out.put("npt-validation-data", validation.getProvenance());
        }
        return out;
    }

    private static void put(Map<String, Provenance> map, PrimitiveProvenance<?> p) {
        map.put(p.getKey(), p);
    }
}
