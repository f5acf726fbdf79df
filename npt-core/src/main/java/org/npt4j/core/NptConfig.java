package org.npt4j.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every hyperparameter of an NPT model and its training run. Immutable; the compact constructor
 * rejects any combination that cannot be trained, naming the field ({@link NptConfigException}).
 * Start from a {@link Preset} with {@link #builder(Preset)}, change what you need, and
 * {@link Builder#build()}. Descriptions of every field are in {@link ConfigDocs}.
 *
 * @param embeddingDim per-attribute embedding width e
 * @param depth number of attention layers, alternating ABD and ABA; even, at least 2
 * @param heads attention heads; must divide {@code embeddingDim}
 * @param hiddenDropout dropout on embeddings, attention output and feed-forward layers
 * @param attentionDropout dropout on attention weights
 * @param layerNormEps epsilon of the LayerNorms
 * @param rffExpansion width multiplier of the feed-forward layer
 * @param featureIndexEmbedding whether to add a column-index embedding
 * @param featureTypeEmbedding whether to add a column-type embedding (when both types occur)
 * @param attentionBetweenDatapoints whether rows attend to each other (false: ablation)
 * @param featureMaskProbability p_feature
 * @param targetMaskProbability p_target; 1 means deterministic masking of all labels
 * @param maskFraction share of chosen cells masked (the rest randomised)
 * @param semiSupervised whether validation and test rows' features take part in training
 * @param tradeoffStart initial λ
 * @param tradeoffSchedule how λ evolves
 * @param tradeoffAnnealingProportion fraction of steps over which λ anneals
 * @param learningRate LAMB base learning rate
 * @param lrSchedule learning-rate schedule
 * @param flatProportion fraction of steps at the flat rate
 * @param lambBeta1 LAMB β1
 * @param lambBeta2 LAMB β2
 * @param lambEpsilon LAMB ε
 * @param weightDecay LAMB weight decay
 * @param trustRatioClamp clamp on the weight norm in LAMB's trust ratio
 * @param lookaheadAlpha Lookahead α
 * @param lookaheadSteps Lookahead period k; 0 disables Lookahead
 * @param gradientClipValue element-wise gradient clip; 0 disables clipping
 * @param steps total optimiser steps
 * @param batchSize rows per batch, 0 for the whole table (-1 is accepted and read as 0)
 * @param classBalancedBatches whether batches are also stratified by class
 * @param validationFraction share of training rows held out when no validation rows are given
 * @param evaluationInterval evaluate every this many epochs
 * @param predictionBatchSize new rows scored per forward pass
 * @param device {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param seed random seed
 */
public record NptConfig(
        int embeddingDim,
        int depth,
        int heads,
        double hiddenDropout,
        double attentionDropout,
        double layerNormEps,
        int rffExpansion,
        boolean featureIndexEmbedding,
        boolean featureTypeEmbedding,
        boolean attentionBetweenDatapoints,
        double featureMaskProbability,
        double targetMaskProbability,
        double maskFraction,
        boolean semiSupervised,
        double tradeoffStart,
        TradeoffSchedule tradeoffSchedule,
        double tradeoffAnnealingProportion,
        double learningRate,
        LrSchedule lrSchedule,
        double flatProportion,
        double lambBeta1,
        double lambBeta2,
        double lambEpsilon,
        double weightDecay,
        double trustRatioClamp,
        double lookaheadAlpha,
        int lookaheadSteps,
        double gradientClipValue,
        int steps,
        int batchSize,
        boolean classBalancedBatches,
        double validationFraction,
        int evaluationInterval,
        int predictionBatchSize,
        String device,
        long seed) {

    /** How the feature/target loss trade-off λ evolves over training. */
    public enum TradeoffSchedule {
        /** λ_t = λ0 · ½(1 + cos(π t / T_λ)), then 0. */
        COSINE,
        /** λ stays at its start value. */
        CONSTANT
    }

    /** Learning-rate schedules. */
    public enum LrSchedule {
        /** Flat for {@code flatProportion} of the steps, then cosine annealing to 0 (the reference's flat_and_anneal). */
        FLAT_AND_ANNEAL,
        /** Constant learning rate. */
        CONSTANT
    }

    /** Validates every field; see the class documentation. */
    public NptConfig {
        // -1 was the reference's spelling of "whole table"; one spelling keeps configs comparable.
        if (batchSize == -1) {
            batchSize = 0;
        }
        positive("embeddingDim", embeddingDim);
        if (depth < 2 || depth % 2 != 0) {
            throw new NptConfigException("depth", "must be even and at least 2 (ABD and ABA layers alternate), got " + depth);
        }
        positive("heads", heads);
        if (embeddingDim % heads != 0) {
            throw new NptConfigException("heads", heads + " heads do not divide the embedding width " + embeddingDim);
        }
        probabilityBelowOne("hiddenDropout", hiddenDropout);
        probabilityBelowOne("attentionDropout", attentionDropout);
        positive("layerNormEps", layerNormEps);
        positive("rffExpansion", rffExpansion);
        probability("featureMaskProbability", featureMaskProbability);
        probability("targetMaskProbability", targetMaskProbability);
        probability("maskFraction", maskFraction);
        probability("tradeoffStart", tradeoffStart);
        notNull("tradeoffSchedule", tradeoffSchedule);
        if (!(tradeoffAnnealingProportion > 0 && tradeoffAnnealingProportion <= 1)) {
            throw new NptConfigException("tradeoffAnnealingProportion", "must be in (0, 1], got " + tradeoffAnnealingProportion);
        }
        positive("learningRate", learningRate);
        notNull("lrSchedule", lrSchedule);
        probability("flatProportion", flatProportion);
        probabilityBelowOne("lambBeta1", lambBeta1);
        probabilityBelowOne("lambBeta2", lambBeta2);
        positive("lambEpsilon", lambEpsilon);
        nonNegative("weightDecay", weightDecay);
        positive("trustRatioClamp", trustRatioClamp);
        if (!(lookaheadAlpha > 0 && lookaheadAlpha <= 1)) {
            throw new NptConfigException("lookaheadAlpha", "must be in (0, 1], got " + lookaheadAlpha);
        }
        nonNegative("lookaheadSteps", lookaheadSteps);
        nonNegative("gradientClipValue", gradientClipValue);
        positive("steps", steps);
        if (batchSize != 0 && batchSize < 2) {
            throw new NptConfigException("batchSize", "must be 0 (whole table) or at least 2, got " + batchSize);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new NptConfigException("validationFraction", "must be in [0, 1), got " + validationFraction);
        }
        positive("evaluationInterval", evaluationInterval);
        positive("predictionBatchSize", predictionBatchSize);
        if (batchSize != 0 && predictionBatchSize >= batchSize) {
            throw new NptConfigException("predictionBatchSize", "must be smaller than batchSize (" + batchSize
                    + ") so that each prediction batch still holds context rows, got " + predictionBatchSize);
        }
        notNull("device", device);
        DeviceSpec.parse(device);
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new NptConfigException(field, "must be a positive number, got " + v);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new NptConfigException(field, "must be zero or positive, got " + v);
        }
    }

    private static void probability(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new NptConfigException(field, "must be a probability in [0, 1], got " + v);
        }
    }

    private static void probabilityBelowOne(String field, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new NptConfigException(field, "must be in [0, 1), got " + v);
        }
    }

    private static void notNull(String field, Object v) {
        if (v == null) {
            throw new NptConfigException(field, "must be set");
        }
    }

    /** @return the preset {@link Preset#CPU_FAST} as a builder */
    public static Builder builder() {
        return builder(Preset.CPU_FAST);
    }

    /**
     * @param preset the starting point
     * @return a builder holding the preset's values
     */
    public static Builder builder(Preset preset) {
        return of(preset).toBuilder();
    }

    /**
     * @param preset a preset
     * @return its configuration
     */
    public static NptConfig of(Preset preset) {
        return switch (preset) {
            case PAPER -> new NptConfig(64, 8, 8, 0.1, 0.1, 1e-12, 4, true, true, true,
                    0.15, 1.0, 0.9, true,
                    1.0, TradeoffSchedule.COSINE, 1.0,
                    1e-3, LrSchedule.FLAT_AND_ANNEAL, 0.5,
                    0.9, 0.999, 1e-6, 0.0, 10.0, 0.5, 6, 1.0,
                    2000, 0, false, 0.2, 1,
                    256, "cpu", 42L);
            case CPU_FAST -> new NptConfig(8, 4, 2, 0.1, 0.0, 1e-12, 4, true, true, true,
                    0.15, 0.5, 0.9, true,
                    1.0, TradeoffSchedule.COSINE, 1.0,
                    2e-3, LrSchedule.FLAT_AND_ANNEAL, 0.5,
                    0.9, 0.999, 1e-6, 0.0, 10.0, 0.5, 6, 1.0,
                    300, 1024, false, 0.1, 5,
                    256, "cpu", 42L);
        };
    }

    /** @return whether training uses the whole table as one batch regardless of its size */
    public boolean fullBatch() {
        return batchSize == 0;
    }

    /** @return whether target masking is stochastic, so that unmasked training labels are model inputs */
    public boolean stochasticTargetMasking() {
        return targetMaskProbability < 1.0;
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        return new Builder(toMap());
    }

    /**
     * @return every field as text, in declaration order; {@link #fromMap} reads it back exactly
     */
    public Map<String, String> toMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent c : NptConfig.class.getRecordComponents()) {
            try {
                out.put(c.getName(), String.valueOf(c.getAccessor().invoke(this)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * Rebuilds a configuration from {@link #toMap()} output. Fields absent from the map keep the
     * values of {@code defaults}, so that files written before a field existed still load.
     *
     * @param values field name to text value
     * @param defaults values for fields not in the map
     * @return the configuration
     * @throws NptConfigException if a name is unknown or a value does not parse
     */
    public static NptConfig fromMap(Map<String, String> values, NptConfig defaults) {
        Builder b = defaults.toBuilder();
        values.forEach(b::set);
        return b.build();
    }

    /** @return a readable multi-line summary of the settings that shape the model and its training */
    public String describe() {
        return String.format(Locale.ROOT,
                "NPT e=%d depth=%d (%d ABD + %d ABA) heads=%d dropout=%.2f/%.2f%s%n"
                        + "masking p_feature=%.2f p_target=%.2f (%s) mask/randomise %.0f/%.0f semi-supervised=%b%n"
                        + "LAMB lr=%.2g %s flat=%.2f, Lookahead alpha=%.2f k=%d, clip=%.2g, lambda %s from %.2f%n"
                        + "steps=%d batch=%s validation=%.2f eval every %d epoch(s), device=%s seed=%d",
                embeddingDim, depth, depth / 2, depth / 2, heads, hiddenDropout, attentionDropout,
                attentionBetweenDatapoints ? "" : " (no attention between datapoints)",
                featureMaskProbability, targetMaskProbability,
                stochasticTargetMasking() ? "training labels visible at prediction" : "labels never visible",
                100 * maskFraction, 100 * (1 - maskFraction), semiSupervised,
                learningRate, lrSchedule, flatProportion, lookaheadAlpha, lookaheadSteps, gradientClipValue,
                tradeoffSchedule, tradeoffStart,
                steps, batchSize == 0 ? "full" : Integer.toString(batchSize), validationFraction,
                evaluationInterval, device, seed);
    }

    /** Changes fields one at a time; {@link #build()} validates the whole. */
    public static final class Builder {
        private final Map<String, String> values;

        private Builder(Map<String, String> values) {
            this.values = new LinkedHashMap<>(values);
        }

        /**
         * Sets a field by name from text, the way OLCUT and Weka options hand values over.
         *
         * @param field a field name of {@link NptConfig}
         * @param value its value as text
         * @return this builder
         * @throws NptConfigException if there is no such field
         */
        public Builder set(String field, String value) {
            if (!values.containsKey(field)) {
                throw new NptConfigException(field, "is not an NPT setting; the settings are " + values.keySet());
            }
            values.put(field, String.valueOf(value));
            return this;
        }

        private Builder put(String field, Object value) {
            values.put(field, String.valueOf(value));
            return this;
        }

        public Builder embeddingDim(int v) { return put("embeddingDim", v); }
        public Builder depth(int v) { return put("depth", v); }
        public Builder heads(int v) { return put("heads", v); }
        public Builder hiddenDropout(double v) { return put("hiddenDropout", v); }
        public Builder attentionDropout(double v) { return put("attentionDropout", v); }
        public Builder layerNormEps(double v) { return put("layerNormEps", v); }
        public Builder rffExpansion(int v) { return put("rffExpansion", v); }
        public Builder featureIndexEmbedding(boolean v) { return put("featureIndexEmbedding", v); }
        public Builder featureTypeEmbedding(boolean v) { return put("featureTypeEmbedding", v); }
        public Builder attentionBetweenDatapoints(boolean v) { return put("attentionBetweenDatapoints", v); }
        public Builder featureMaskProbability(double v) { return put("featureMaskProbability", v); }
        public Builder targetMaskProbability(double v) { return put("targetMaskProbability", v); }
        public Builder maskFraction(double v) { return put("maskFraction", v); }
        public Builder semiSupervised(boolean v) { return put("semiSupervised", v); }
        public Builder tradeoffStart(double v) { return put("tradeoffStart", v); }
        public Builder tradeoffSchedule(TradeoffSchedule v) { return put("tradeoffSchedule", v); }
        public Builder tradeoffAnnealingProportion(double v) { return put("tradeoffAnnealingProportion", v); }
        public Builder learningRate(double v) { return put("learningRate", v); }
        public Builder lrSchedule(LrSchedule v) { return put("lrSchedule", v); }
        public Builder flatProportion(double v) { return put("flatProportion", v); }
        public Builder lambBeta1(double v) { return put("lambBeta1", v); }
        public Builder lambBeta2(double v) { return put("lambBeta2", v); }
        public Builder lambEpsilon(double v) { return put("lambEpsilon", v); }
        public Builder weightDecay(double v) { return put("weightDecay", v); }
        public Builder trustRatioClamp(double v) { return put("trustRatioClamp", v); }
        public Builder lookaheadAlpha(double v) { return put("lookaheadAlpha", v); }
        public Builder lookaheadSteps(int v) { return put("lookaheadSteps", v); }
        public Builder gradientClipValue(double v) { return put("gradientClipValue", v); }
        public Builder steps(int v) { return put("steps", v); }
        public Builder batchSize(int v) { return put("batchSize", v); }
        public Builder classBalancedBatches(boolean v) { return put("classBalancedBatches", v); }
        public Builder validationFraction(double v) { return put("validationFraction", v); }
        public Builder evaluationInterval(int v) { return put("evaluationInterval", v); }
        public Builder predictionBatchSize(int v) { return put("predictionBatchSize", v); }
        public Builder device(String v) { return put("device", v); }
        public Builder seed(long v) { return put("seed", v); }

        /**
         * @return the validated configuration
         * @throws NptConfigException naming the first field that is out of range or does not parse
         */
        public NptConfig build() {
            RecordComponent[] components = NptConfig.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = parse(components[i].getName(), types[i], values.get(components[i].getName()));
            }
            try {
                Constructor<NptConfig> ctor = NptConfig.class.getDeclaredConstructor(types);
                return ctor.newInstance(args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object parse(String field, Class<?> type, String text) {
            String t = text.trim();
            try {
                if (type == int.class) {
                    return Integer.parseInt(t);
                } else if (type == long.class) {
                    return Long.parseLong(t);
                } else if (type == double.class) {
                    return Double.parseDouble(t);
                } else if (type == boolean.class) {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException();
                    }
                    return Boolean.parseBoolean(t);
                } else if (type == String.class) {
                    return t;
                } else if (type.isEnum()) {
                    return enumValue(type, t);
                }
            } catch (IllegalArgumentException e) {
                throw new NptConfigException(field, "cannot read '" + text + "' as " + describeType(type));
            }
            throw new IllegalStateException("unsupported field type " + type);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumValue(Class<?> type, String t) {
            return Enum.valueOf((Class) type, t.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        private static String describeType(Class<?> type) {
            if (type.isEnum()) {
                return "one of " + Arrays.toString(type.getEnumConstants());
            }
            return type == boolean.class ? "true or false" : "a " + type.getSimpleName();
        }
    }
}
