package org.npt4j.core.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.npt4j.core.NptInputException;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.encoding.TableSchema;
import org.npt4j.core.inference.ColumnPrediction;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;

/**
 * Does a fitted model use the other datapoints? The test of the paper's section 4.3, as an API:
 * the model's context rows (the training rows it attends to at prediction) are corrupted, the same
 * weights predict the query rows against the corrupted context, and the change in each query row's
 * prediction is measured, for each {@link Corruption}:
 *
 * <ol>
 *   <li>{@link Corruption#TARGETS_RANDOMISED}: every context label randomised (uniform classes;
 *       numerical targets permuted, which keeps their distribution exactly, where draws from a normal
 *       would put values where the target never is, such as above Boston's cap at 50);</li>
 *   <li>{@link Corruption#FEATURES_PERMUTED}: each feature column shuffled across the context rows on
 *       its own;</li>
 *   <li>{@link Corruption#CONTEXT_REPLACED}: the context replaced by rows drawn from a pool of other
 *       rows (given by the caller, such as held-out rows), without replacement if the pool is large
 *       enough, with replacement otherwise ({@link CorruptionEffect#drawnWithReplacement()}).</li>
 * </ol>
 *
 * <p>Each query row attends to the context and to itself only ({@link NptModel#predict}), so only
 * the context is corrupted. A model trained without attention between datapoints scores every row
 * on its own and shows no change under any corruption; a model that looks rows up (the paper's
 * duplicate task) changes almost entirely. A model trained with deterministic target masking
 * ({@code targetMaskProbability} 1, the presets' default) never sees context labels at prediction,
 * so for it corruption 1 changes nothing by construction ({@link
 * ContextDependenceResult#contextLabelsVisible()}).
 *
 * <p>Cost: one {@link NptModel#predict} of the query rows per corruption plus one clean. The model
 * and the tables given are not changed; each corrupted model is a {@link NptModel#withContext} copy,
 * closed before this returns. Deterministic: the same model, rows and seed give the same result,
 * and corruptions 1 and 2 do not depend on whether a pool is given.
 */
public final class ContextDependence {

    private ContextDependence() {}

    /**
     * Measures all three corruptions, or the first two when {@code pool} is null, for a model with
     * one target.
     *
     * @param model a fitted model with a single target
     * @param queries the rows to predict, with the model's feature columns and the true target
     * @param pool rows to draw replacement contexts from, with the model's columns (targets
     *     included); null to leave {@link Corruption#CONTEXT_REPLACED} out
     * @param seed the seed of every random choice
     * @return the result
     * @throws NptInputException if the model has several targets, the queries lack the true target
     *     or have no known value of it, or the pool is empty or lacks a model column
     */
    public static ContextDependenceResult of(NptModel model, Table queries, Table pool, long seed) {
        List<String> targets = model.schema().targetNames();
        if (targets.size() != 1) {
            throw new NptInputException("The model predicts " + targets.size() + " targets " + targets
                    + "; name the one to measure");
        }
        return of(model, targets.get(0), queries, pool, seed);
    }

    /**
     * As {@link #of(NptModel, Table, Table, long)}, measuring one named target of the model; corruption
     * 1 randomises all of the model's targets in the context.
     *
     * @param model a fitted model
     * @param target the target to measure
     * @param queries the rows to predict, with the model's feature columns and the true target
     * @param pool rows to draw replacement contexts from, or null
     * @param seed the seed of every random choice
     * @return the result
     * @throws NptInputException if {@code target} is not a target of the model, or as the other method
     */
    public static ContextDependenceResult of(NptModel model, String target, Table queries, Table pool, long seed) {
        TableSchema schema = model.schema();
        ColumnSpec spec = targetSpec(schema, target);
        checkPool(schema, pool);
        QueryTruth truth = new QueryTruth(spec, queries);
        Table context = model.contextRows();
        ColumnPrediction clean = model.predict(queries).column(target);

        // One split per corruption, in enum order, whether or not it runs: each corruption's draws
        // depend on the seed alone.
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom forTargets = random.split();
        SplittableRandom forFeatures = random.split();
        SplittableRandom forDraw = random.split();

        List<CorruptionEffect> effects = new ArrayList<>();
        effects.add(measure(model, Corruption.TARGETS_RANDOMISED,
                ContextCorruptions.randomisedTargets(context, schema, forTargets), false, queries, truth, clean));
        effects.add(measure(model, Corruption.FEATURES_PERMUTED,
                ContextCorruptions.permutedFeatures(context, schema, forFeatures), false, queries, truth, clean));
        if (pool != null) {
            ContextCorruptions.Draw draw = ContextCorruptions.freshDraw(pool, schema, context.rowCount(), forDraw);
            effects.add(measure(model, Corruption.CONTEXT_REPLACED, draw.rows(), draw.withReplacement(), queries, truth, clean));
        }
        return new ContextDependenceResult(target, spec.categorical(), model.config().stochasticTargetMasking(),
                context.rowCount(), queries.rowCount(), truth.metric(clean), effects);
    }

    private static CorruptionEffect measure(NptModel model, Corruption corruption, Table corruptedContext,
            boolean withReplacement, Table queries, QueryTruth truth, ColumnPrediction clean) {
        try (NptModel corrupted = model.withContext(corruptedContext)) {
            ColumnPrediction moved = corrupted.predict(queries).column(clean.column());
            return new CorruptionEffect(corruption, truth.changes(clean, moved), truth.flips(clean, moved),
                    truth.metric(moved), withReplacement);
        }
    }

    private static ColumnSpec targetSpec(TableSchema schema, String target) {
        return schema.columns().stream().filter(c -> c.target() && c.name().equals(target)).findFirst().orElseThrow(
                () -> new NptInputException("'" + target + "' is not a target of the model; its targets are "
                        + schema.targetNames()));
    }

    private static void checkPool(TableSchema schema, Table pool) {
        if (pool == null) {
            return;
        }
        if (pool.rowCount() == 0) {
            throw new NptInputException("The pool of replacement rows is empty; pass null to leave '"
                    + Corruption.CONTEXT_REPLACED.label() + "' out");
        }
        for (ColumnSpec spec : schema.columns()) {
            if (!pool.hasColumn(spec.name())) {
                throw new NptInputException("The pool of replacement rows has no column '" + spec.name()
                        + "'; it needs every model column, targets included: " + schema.columns().stream()
                        .map(ColumnSpec::name).toList());
            }
        }
    }
}
