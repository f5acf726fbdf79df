package org.npt4j.experiments;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribuo.Trainer;

/**
 * The thread count each trainer of a comparison was configured with, read from its provenance:
 * NPT's {@code threads}, XGBoost's {@code nThread}, the {@code numThreads} of Tribuo's other
 * parallel trainers, also inside wrappers such as {@code TransformTrainer}. Training times compare
 * fairly only when every trainer that has such a setting uses the same count, so the runner reports
 * each count with the results and warns when they differ.
 */
public final class TrainerThreads {

    /** The configuration fields that set a trainer's thread count. */
    static final List<String> FIELDS = List.of("threads", "nThread", "numThreads");

    /**
     * A configured thread count.
     *
     * @param field the field that sets it
     * @param value its value; for NPT's {@code threads} and XGBoost's {@code nThread}, 0 is the library's default
     */
    public record Count(String field, int value) {
        @Override
        public String toString() {
            return field + " " + value;
        }
    }

    private TrainerThreads() {}

    /**
     * @param trainer a trainer
     * @return its thread count, or empty when neither it nor a trainer it wraps has a thread-count setting
     */
    public static Optional<Count> of(Trainer<?> trainer) {
        for (ConfiguredObjectProvenance part : ConfiguredParts.of(trainer)) {
            Map<String, Provenance> fields = part.getConfiguredParameters();
            for (String field : FIELDS) {
                if (fields.get(field) instanceof IntProvenance count) {
                    return Optional.of(new Count(field, count.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param trainer a trainer
     * @return its thread count in a few words, for the results' "what each trainer was given" lines
     */
    static String describe(Trainer<?> trainer) {
        return of(trainer).map(c -> c.value() == 0 ? "the library's default thread count (" + c.field() + " 0)"
                : c.value() + (c.value() == 1 ? " thread" : " threads") + " (" + c.field() + ")").orElse("no thread-count setting");
    }

    /**
     * @param names the trainers' display names, aligned with {@code trainers}
     * @param trainers the trainers of a comparison
     * @return a warning when trainers that have a thread-count setting do not all use the same count
     */
    static Optional<String> mismatch(List<String> names, List<Trainer<?>> trainers) {
        Set<Integer> values = new LinkedHashSet<>();
        List<String> counts = new ArrayList<>();
        for (int t = 0; t < trainers.size(); t++) {
            Optional<Count> c = of(trainers.get(t));
            if (c.isPresent()) {
                values.add(c.get().value());
                counts.add(names.get(t) + " " + c.get());
            }
        }
        if (values.size() <= 1) {
            return Optional.empty();
        }
        return Optional.of("the trainers run on different thread counts (" + String.join(", ", counts) + "), so their training "
                + "times do not compare fairly; give them one count (in the shipped configs --@threads N sets all of them)");
    }
}
