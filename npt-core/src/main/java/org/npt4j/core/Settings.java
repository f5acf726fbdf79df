package org.npt4j.core;

import static org.npt4j.core.Constraint.aboveZeroUpToOne;
import static org.npt4j.core.Constraint.any;
import static org.npt4j.core.Constraint.atLeast;
import static org.npt4j.core.Constraint.belowOne;
import static org.npt4j.core.Constraint.positive;
import static org.npt4j.core.Constraint.probability;
import static org.npt4j.core.SettingGroup.ARCHITECTURE;
import static org.npt4j.core.SettingGroup.LOSS;
import static org.npt4j.core.SettingGroup.MASKING;
import static org.npt4j.core.SettingGroup.OPTIMISER;
import static org.npt4j.core.SettingGroup.PREDICTION;
import static org.npt4j.core.SettingGroup.TRAINING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Every NPT setting, each defined once, in the order adapters list them. Defaults are the paper's
 * (NPT-Base as the reference runs it on the small UCI data sets); {@link Preset} changes some.
 *
 * <p>Adding a setting is adding one constant here: {@link NptConfig} stores it, saved models
 * record it, Tribuo trainers get an {@code @Config} field and Weka's classifier a property and
 * option of the same name (both generated from this list at build time), and the parity tests of
 * each adapter check that it arrived. The code that uses the value reads it with
 * {@link NptConfig#get}.
 */
public final class Settings {

    private static final List<Setting<?>> REGISTRY = new ArrayList<>();

    private static final Constraint<Integer> EVEN_DEPTH = atLeast(2).and((Integer d) -> d % 2 == 0,
            "even (ABD and ABA layers alternate)");
    // -1 is the reference's spelling of "whole table"; one spelling keeps configs comparable.
    private static final Constraint<Integer> WHOLE_TABLE_OR_BATCH = atLeast(0)
            .and((Integer b) -> b == 0 || b >= 2, "0 (the whole table) or at least 2").canonically((Integer b) -> b == -1 ? 0 : b);
    private static final Constraint<String> DEVICE_NAME = any().and(Settings::isDevice, "cpu, gpu, gpu:N or auto");

    // One line per setting: the list reads as a table. The columns are name, [option, GUI property,]
    // default, allowed values, group, label and description.

    /** Per-attribute embedding width e. */
    public static final Setting<Integer> EMBEDDING_DIM = define("embeddingDim", 64, atLeast(1), ARCHITECTURE, "Embedding width", "Per-attribute embedding width e; ABD blocks work on rows of width (number of columns) x e.");

    /** Attention layers, alternating ABD and ABA. */
    public static final Setting<Integer> DEPTH = define("depth", 8, EVEN_DEPTH, ARCHITECTURE, "Depth (layers)", "Number of attention layers, alternating ABD (between rows) and ABA (between attributes); even and at least 2.");

    /** Attention heads per layer. */
    public static final Setting<Integer> HEADS = define("heads", 8, atLeast(1), ARCHITECTURE, "Attention heads", "Attention heads per layer; must divide the embedding width.");

    /** Dropout on embeddings, attention outputs and feed-forward layers. */
    public static final Setting<Double> HIDDEN_DROPOUT = define("hiddenDropout", 0.1, belowOne(), ARCHITECTURE, "Hidden dropout", "Dropout on embeddings, attention outputs and feed-forward layers.");

    /** Dropout on attention weights. */
    public static final Setting<Double> ATTENTION_DROPOUT = define("attentionDropout", 0.1, belowOne(), ARCHITECTURE, "Attention dropout", "Dropout on the attention weights.");

    /** Epsilon of the LayerNorms. */
    public static final Setting<Double> LAYER_NORM_EPS = define("layerNormEps", 1e-12, positive(), ARCHITECTURE, "LayerNorm epsilon", "Epsilon of the pre-LayerNorms (the reference uses 1e-12).");

    /** Width multiplier of the feed-forward layer. */
    public static final Setting<Integer> RFF_EXPANSION = define("rffExpansion", 4, atLeast(1), ARCHITECTURE, "Feed-forward expansion", "Width multiplier of the row-wise feed-forward layer (4 in the reference).");

    /** Whether to add a column-index embedding. */
    public static final Setting<Boolean> FEATURE_INDEX_EMBEDDING = define("featureIndexEmbedding", "index-embedding", null, true, any(), ARCHITECTURE, "Column-index embedding", "Add a learned embedding of each column's index.");

    /** Whether to add a column-type embedding. */
    public static final Setting<Boolean> FEATURE_TYPE_EMBEDDING = define("featureTypeEmbedding", "type-embedding", null, true, any(), ARCHITECTURE, "Column-type embedding", "Add a learned numerical/categorical type embedding (only when both types occur).");

    /** Whether rows attend to each other. */
    public static final Setting<Boolean> ATTENTION_BETWEEN_DATAPOINTS = define("attentionBetweenDatapoints", "abd", null, true, any(), ARCHITECTURE, "Attention between datapoints", "Let rows attend to each other (ABD); false makes each row attend only to itself, an ablation.");

    /** p_feature. */
    public static final Setting<Double> FEATURE_MASK_PROBABILITY = define("featureMaskProbability", 0.15, probability(), MASKING, "Feature mask probability", "Probability of masking each observed feature cell during training (p_feature).");

    /** p_target. */
    public static final Setting<Double> TARGET_MASK_PROBABILITY = define("targetMaskProbability", 1.0, probability(), MASKING, "Target mask probability", "Probability of masking each training label during training (p_target); 1 hides all labels, "
                    + "below 1 lets unmasked training labels act as context at prediction time.");

    /** Share of chosen cells that are masked rather than randomised. */
    public static final Setting<Double> MASK_FRACTION = define("maskFraction", 0.9, probability(), MASKING, "Mask fraction", "Share of the chosen cells that are masked; the rest are replaced by random values (BERT style, 0.9).");

    /** Whether validation and test rows' features take part in training. */
    public static final Setting<Boolean> SEMI_SUPERVISED = define("semiSupervised", true, any(), MASKING, "Semi-supervised rows", "Feed validation and test rows' features into training (their targets stay hidden).");

    /** Whether rows without a target value join training as unlabelled rows. */
    public static final Setting<Boolean> UNLABELLED_ROWS = define("unlabelledRows", true, any(), MASKING, "Use unlabelled rows", "Rows whose target is missing (Weka: missing class; Tribuo: unknown output) join training as unlabelled rows, "
                    + "their features masked and reconstructed, their targets never read; off drops them. They take part only with semiSupervised on.");

    /** λ at the start. */
    public static final Setting<Double> TRADEOFF_START = define("tradeoffStart", 1.0, probability(), LOSS, "Feature-loss weight (lambda) at start", "Initial weight lambda of the feature-reconstruction loss against the target loss.");

    /** How λ evolves. */
    public static final Setting<TradeoffSchedule> TRADEOFF_SCHEDULE = define("tradeoffSchedule", TradeoffSchedule.COSINE, any(), LOSS, "Feature-loss weight schedule", "How lambda evolves: COSINE anneals it to 0, CONSTANT keeps it.");

    /** Fraction of the steps over which λ anneals. */
    public static final Setting<Double> TRADEOFF_ANNEALING_PROPORTION = define("tradeoffAnnealingProportion", 1.0, aboveZeroUpToOne(), LOSS, "Feature-loss annealing proportion", "Fraction of the steps over which lambda is annealed to 0.");

    /** LAMB's base learning rate. */
    public static final Setting<Double> LEARNING_RATE = define("learningRate", 1e-3, positive(), OPTIMISER, "Learning rate", "Base learning rate of LAMB.");

    /** The learning-rate schedule. */
    public static final Setting<LearningRateSchedule> LR_SCHEDULE = define("lrSchedule", LearningRateSchedule.FLAT_AND_ANNEAL, any(), OPTIMISER, "Learning-rate schedule", "FLAT_AND_ANNEAL holds the rate, then cosine-anneals it to 0; CONSTANT holds it throughout; COSINE_CYCLIC warms up, then runs cosine cycles, each twice as long and half as high; POLYNOMIAL_DECAY_WARMUP warms up, then decays linearly to 1e-7.");

    /** Fraction of the steps at the flat rate. */
    public static final Setting<Double> FLAT_PROPORTION = define("flatProportion", 0.5, probability(), OPTIMISER, "Flat learning-rate proportion", "Fraction of the steps at the flat learning rate before cosine annealing.");

    /** Fraction of the steps spent warming up, for the warm-up schedules. */
    public static final Setting<Double> WARMUP_PROPORTION = define("warmupProportion", 0.2, belowOne(), OPTIMISER, "Warm-up proportion", "Fraction of the steps over which COSINE_CYCLIC and POLYNOMIAL_DECAY_WARMUP raise the learning rate linearly to its base (0.2 in the paper's cosine-cyclic variant); other schedules ignore it.");

    /** LAMB β1. */
    public static final Setting<Double> LAMB_BETA1 = define("lambBeta1", 0.9, belowOne(), OPTIMISER, "LAMB beta1", "LAMB first-moment decay.");

    /** LAMB β2. */
    public static final Setting<Double> LAMB_BETA2 = define("lambBeta2", 0.999, belowOne(), OPTIMISER, "LAMB beta2", "LAMB second-moment decay.");

    /** LAMB ε. */
    public static final Setting<Double> LAMB_EPSILON = define("lambEpsilon", 1e-6, positive(), OPTIMISER, "LAMB epsilon", "LAMB denominator epsilon.");

    /** LAMB weight decay. */
    public static final Setting<Double> WEIGHT_DECAY = define("weightDecay", 0.0, atLeast(0), OPTIMISER, "Weight decay", "LAMB weight decay (0 in the reference).");

    /** Clamp on the weight norm in LAMB's trust ratio. */
    public static final Setting<Double> TRUST_RATIO_CLAMP = define("trustRatioClamp", 10.0, positive(), OPTIMISER, "Trust-ratio clamp", "Upper clamp on the weight norm in LAMB's trust ratio (10 in the reference).");

    /** Lookahead α. */
    public static final Setting<Double> LOOKAHEAD_ALPHA = define("lookaheadAlpha", 0.5, aboveZeroUpToOne(), OPTIMISER, "Lookahead alpha", "Lookahead interpolation factor towards the fast weights.");

    /** Lookahead period k. */
    public static final Setting<Integer> LOOKAHEAD_STEPS = define("lookaheadSteps", 6, atLeast(0), OPTIMISER, "Lookahead steps", "Lookahead synchronisation period in steps; 0 turns Lookahead off.");

    /** Element-wise gradient clip. */
    public static final Setting<Double> GRADIENT_CLIP_VALUE = define("gradientClipValue", 1.0, atLeast(0), OPTIMISER, "Gradient clip value", "Clip every gradient element to [-value, value]; 0 turns clipping off.");

    /** Total optimiser steps. */
    public static final Setting<Integer> STEPS = define("steps", 2000, atLeast(1), TRAINING, "Training steps", "Total optimiser steps.");

    /** Rows per training batch, 0 for the whole table. */
    public static final Setting<Integer> BATCH_SIZE = define("batchSize", "training-batch-size", "trainingBatchSize", 0, WHOLE_TABLE_OR_BATCH, TRAINING, "Training batch size", "Rows per training batch; 0 (or a size at least the table's) trains on the whole table at once.");

    /** Whether batches are also stratified by class. */
    public static final Setting<Boolean> CLASS_BALANCED_BATCHES = define("classBalancedBatches", "class-balanced", null, false, any(), TRAINING, "Class-balanced batches", "Stratify each mini-batch's training rows by class as well as by row role.");

    /** Share of training rows held out when no validation rows are given. */
    public static final Setting<Double> VALIDATION_FRACTION = define("validationFraction", 0.2, belowOne(), TRAINING, "Validation fraction",
            "Share of the training rows held out for checkpoint selection when no validation rows are given; "
                    + "0 keeps the final weights.");

    /** Evaluate every this many epochs. */
    public static final Setting<Integer> EVALUATION_INTERVAL = define("evaluationInterval", 1, atLeast(1), TRAINING, "Evaluation interval (epochs)", "Evaluate the validation target loss every this many epochs.");

    /**
     * Early stopping: N &ge; 1 is the reference's {@code exp_patience} N; 0 is its −1 (never). Its
     * patience 0, stopping at the first pass that does not improve, is not offered: 0 means off here
     * because OLCUT's structural comparison of configurations mishandles negative numbers.
     */
    public static final Setting<Integer> PATIENCE = define("patience", 0, atLeast(0), TRAINING, "Early-stopping patience",
            "Stop training once more than this many validation passes in a row have not improved on the best validation "
                    + "loss (the reference's exp_patience), keeping the best weights as at the end; 0 trains every step.");

    /** The random seed. */
    public static final Setting<Long> SEED = define("seed", 42L, any(), TRAINING, "Random seed", "Seed for initialisation, masking, dropout and splits; the same seed gives the same model on CPU.");

    /** Whether to refuse, before the first step, a CPU fit that cannot fit in memory. */
    public static final Setting<Boolean> MEMORY_CHECK = define("memoryCheck", true, any(), TRAINING, "Check memory before training", "Before training on the CPU, compare the estimated memory need with the memory available to the process and stop with advice when it cannot fit.");

    /** New rows scored per forward pass. */
    public static final Setting<Integer> PREDICTION_BATCH_SIZE = define("predictionBatchSize", 256, atLeast(1), PREDICTION, "Prediction pass size", "New rows scored together in one forward pass against the stored context; bounds memory.");

    /** Where to compute. */
    public static final Setting<String> DEVICE = define("device", "cpu", DEVICE_NAME, SettingGroup.DEVICE, "Device", "Where to compute: cpu, gpu, gpu:N, or auto (GPU when present, else CPU).");

    /** PyTorch's intra-op thread count for each training and prediction call, like XGBoost's {@code nthread}. */
    public static final Setting<Integer> THREADS = define("threads", 0, atLeast(0), SettingGroup.DEVICE, "CPU threads", "PyTorch intra-op threads for each training and prediction call (the optimiser's update uses no more), set on the calling thread only and restored afterwards; "
                    + "0 is PyTorch's default, one per core, or one for a small model. More than the cores is allowed and oversubscribes them. "
                    + "Results may differ in the last bits between thread counts; the same count gives the same model.");

    private Settings() {}

    /** @return every setting, in the order adapters list them */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(REGISTRY);
    }

    /**
     * @param name a setting's name
     * @return the setting
     * @throws NptConfigException if there is no such setting, listing those there are
     */
    public static Setting<?> named(String name) {
        for (Setting<?> s : REGISTRY) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new NptConfigException(name, "is not an NPT setting; the settings are "
                + REGISTRY.stream().map(Setting::name).toList());
    }

    private static <T> Setting<T> define(String name, T defaultValue, Constraint<T> allowed, SettingGroup group, String label,
            String description) {
        return define(name, null, null, defaultValue, allowed, group, label, description);
    }

    /** For the few settings whose option or GUI property is not derived from the name (null: derived). */
    private static <T> Setting<T> define(String name, String option, String property, T defaultValue, Constraint<T> allowed,
            SettingGroup group, String label, String description) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) (defaultValue instanceof Enum<?> e ? e.getDeclaringClass() : defaultValue.getClass());
        String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        Setting<T> s = new Setting<>(name, type, defaultValue, allowed, group, label, option == null ? kebab : option,
                property == null ? name : property, description);
        REGISTRY.add(s);
        return s;
    }

    private static boolean isDevice(String text) {
        try {
            DeviceSpec.parse(text);
            return true;
        } catch (NptConfigException e) {
            return false;
        }
    }
}
