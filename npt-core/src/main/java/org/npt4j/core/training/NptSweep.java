package org.npt4j.core.training;

import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.UNLABELLED_ROWS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.NptInputException;
import org.npt4j.core.encoding.SchemaFitter;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.model.ColumnLayout;
import org.npt4j.core.table.RowRole;
import org.npt4j.core.table.RowRoles;
import org.npt4j.core.table.Table;

/**
 * The paper's per-split model selection: several NPT configurations trained on the same rows, the
 * one with the lowest validation target loss kept. On the small UCI data sets the paper reports,
 * for every split, the best of eight such variants.
 *
 * <p>Every variant sees the same rows in the same roles: the validation rows are those the caller
 * gave or, where it gave none, those the first variant's seed and {@code validationFraction} hold
 * out, so the variants must agree on {@code validationFraction} and {@code unlabelledRows}. With one
 * variant a sweep is exactly {@link NptTrainer#fit(Table, List, RowRole[])}.
 *
 * <pre>{@code
 * NptConfig base = NptConfig.builder(Preset.PAPER).set(Settings.EMBEDDING_DIM, 128).build();
 * SweepResult r = new NptSweep(List.of(
 *         new SweepVariant("default", base),
 *         new SweepVariant("target mask 0.5", base.toBuilder().set(Settings.TARGET_MASK_PROBABILITY, 0.5)
 *                 .set(Settings.STEPS, 4000).build()))).fit(table, List.of("MEDV"), roles);
 * NptModel best = r.model();
 * }</pre>
 *
 * Variants train one after another; only the best model is kept in memory. Every variant's memory
 * need is checked before the first one trains ({@code memoryCheck}).
 */
public final class NptSweep {

    private final List<SweepVariant> variants;
    private final TrainingListener listener;

    /**
     * @param variants the configurations to try, in order, with distinct names
     */
    public NptSweep(List<SweepVariant> variants) {
        this(variants, TrainingListener.NONE);
    }

    /**
     * @param variants the configurations to try, in order, with distinct names
     * @param listener told of every step of every variant
     * @throws NptConfigException if there is no variant, a name repeats, or the variants disagree on
     *     the settings that choose the rows
     */
    public NptSweep(List<SweepVariant> variants, TrainingListener listener) {
        this.variants = List.copyOf(variants);
        this.listener = Objects.requireNonNull(listener, "listener");
        if (this.variants.isEmpty()) {
            throw new NptConfigException("variants", "a sweep needs at least one variant");
        }
        Set<String> names = new HashSet<>();
        NptConfig first = this.variants.get(0).config();
        for (SweepVariant v : this.variants) {
            if (!names.add(v.name())) {
                throw new NptConfigException("variants", "the variant name '" + v.name() + "' is used twice");
            }
            if (!v.config().get(VALIDATION_FRACTION).equals(first.get(VALIDATION_FRACTION))
                    || v.config().get(UNLABELLED_ROWS) != first.get(UNLABELLED_ROWS)) {
                throw new NptConfigException("variants", "variant '" + v.name() + "' differs from '"
                        + this.variants.get(0).name() + "' in validationFraction or unlabelledRows; every variant "
                        + "must train and be judged on the same rows");
            }
        }
    }

    /** @return the variants, in order */
    public List<SweepVariant> variants() {
        return variants;
    }

    /**
     * Trains every variant and keeps the one with the lowest validation target loss (the first of
     * equals).
     *
     * @param table the whole table
     * @param targets the columns to predict
     * @param roles one role per row, or null for all {@link RowRole#TRAIN}
     * @return the best model and every variant's outcome
     * @throws NptInputException if the data cannot be used or there are no validation rows to choose on
     */
    public SweepResult fit(Table table, List<String> targets, RowRole[] roles) {
        FitRows rows = rows(table, targets, roles);
        // Every variant is checked before the first trains: a 16-layer variant that cannot fit fails now,
        // not after hours of its predecessors' training.
        ColumnLayout layout = ColumnLayout.of(SchemaFitter.fit(rows.table(), targets, rows.roles()));
        MemoryCheck memory = MemoryCheck.ofThisProcess();
        for (SweepVariant variant : variants) {
            memory.verify(variant.config(), layout, rows.roles());
        }
        List<NptModel> models = new ArrayList<>();
        NptModel best = null;
        for (int v = 0; v < variants.size(); v++) {
            NptModel model = fit(v, rows, targets);
            // Only the best so far is kept in memory: the others stand in the list closed, for their summaries.
            if (best == null || model.summary().bestValidationLoss() < best.summary().bestValidationLoss()) {
                if (best != null) {
                    best.close();
                }
                best = model;
            } else {
                model.close();
            }
            models.add(model);
        }
        return choose(models);
    }

    /**
     * Trains one variant exactly as {@link #fit(Table, List, RowRole[])} trains it, on the same rows in
     * the same roles: so that the variants of a sweep can train on different machines and
     * {@link #choose} then keep the one {@code fit} would have kept.
     *
     * @param variant the variant's index in {@link #variants()}
     * @param table the whole table
     * @param targets the columns to predict
     * @param roles one role per row, or null for all {@link RowRole#TRAIN}
     * @return the variant's model
     * @throws NptInputException if the data cannot be used or there are no validation rows to choose on
     */
    public NptModel fitVariant(int variant, Table table, List<String> targets, RowRole[] roles) {
        Objects.checkIndex(variant, variants.size());
        FitRows rows = rows(table, targets, roles);
        ColumnLayout layout = ColumnLayout.of(SchemaFitter.fit(rows.table(), targets, rows.roles()));
        MemoryCheck.ofThisProcess().verify(variants.get(variant).config(), layout, rows.roles());
        return fit(variant, rows, targets);
    }

    /**
     * Keeps the variant with the lowest validation target loss (the first of equals) and closes the
     * others' models.
     *
     * @param models every variant's model, in the order of {@link #variants()}; a closed model still
     *     gives its summary
     * @return the best model and every variant's outcome
     */
    public SweepResult choose(List<NptModel> models) {
        if (models.size() != variants.size()) {
            throw new IllegalArgumentException(models.size() + " models for " + variants.size() + " variants");
        }
        List<SweepResult.Outcome> outcomes = new ArrayList<>();
        int chosen = 0;
        for (int v = 0; v < models.size(); v++) {
            outcomes.add(new SweepResult.Outcome(variants.get(v).name(), models.get(v).summary()));
            if (models.get(v).summary().bestValidationLoss() < models.get(chosen).summary().bestValidationLoss()) {
                chosen = v;
            }
        }
        for (int v = 0; v < models.size(); v++) {
            if (v != chosen) {
                models.get(v).close();
            }
        }
        return new SweepResult(models.get(chosen), chosen, outcomes);
    }

    /** The rows every variant trains on, in their roles: held out by the first variant's seed when the caller gave none. */
    private FitRows rows(Table table, List<String> targets, RowRole[] roles) {
        NptConfig first = variants.get(0).config();
        // The same random stream as NptTrainer's, so that the first variant trains exactly as a plain fit would.
        FitRows rows = FitRows.prepare(table, targets, roles, first, new SplittableRandom(first.get(SEED)).split());
        if (RowRoles.indicesOf(rows.roles(), RowRole.VALIDATION).length == 0) {
            throw new NptInputException("A sweep chooses its variant on validation rows, and there are none: give "
                    + "validation rows or a validationFraction above 0");
        }
        return rows;
    }

    private NptModel fit(int variant, FitRows rows, List<String> targets) {
        return new NptTrainer(variants.get(variant).config(), listener).fit(rows.table(), targets, rows.roles());
    }
}
