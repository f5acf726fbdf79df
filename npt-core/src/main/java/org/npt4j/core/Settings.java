package org.npt4j.core;

import static org.npt4j.core.SettingGroup.ARCHITECTURE;
import static org.npt4j.core.SettingGroup.LOSS;
import static org.npt4j.core.SettingGroup.MASKING;
import static org.npt4j.core.SettingGroup.OPTIMISER;
import static org.npt4j.core.SettingGroup.PREDICTION;
import static org.npt4j.core.SettingGroup.TRAINING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.npt4j.core.Setting.Range;

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

    // Architecture

    /** Per-attribute embedding width e. */
    public static final Setting<Integer> EMBEDDING_DIM = define("embeddingDim", Integer.class, 64)
            .group(ARCHITECTURE).label("Embedding width").range(Range.atLeast(1))
            .description("Per-attribute embedding width e; ABD blocks work on rows of width (number of columns) x e.");

    /** Attention layers, alternating ABD and ABA. */
    public static final Setting<Integer> DEPTH = define("depth", Integer.class, 8)
            .group(ARCHITECTURE).label("Depth (layers)").range(Range.atLeast(2))
            .rule(d -> d % 2 == 0, "even (ABD and ABA layers alternate)")
            .description("Number of attention layers, alternating ABD (between rows) and ABA (between attributes); even and at least 2.");

    /** Attention heads per layer. */
    public static final Setting<Integer> HEADS = define("heads", Integer.class, 8)
            .group(ARCHITECTURE).label("Attention heads").range(Range.atLeast(1))
            .description("Attention heads per layer; must divide the embedding width.");

    /** Dropout on embeddings, attention outputs and feed-forward layers. */
    public static final Setting<Double> HIDDEN_DROPOUT = define("hiddenDropout", Double.class, 0.1)
            .group(ARCHITECTURE).label("Hidden dropout").range(Range.closedOpen(0, 1))
            .description("Dropout on embeddings, attention outputs and feed-forward layers.");

    /** Dropout on attention weights. */
    public static final Setting<Double> ATTENTION_DROPOUT = define("attentionDropout", Double.class, 0.1)
            .group(ARCHITECTURE).label("Attention dropout").range(Range.closedOpen(0, 1))
            .description("Dropout on the attention weights.");

    /** Epsilon of the LayerNorms. */
    public static final Setting<Double> LAYER_NORM_EPS = define("layerNormEps", Double.class, 1e-12)
            .group(ARCHITECTURE).label("LayerNorm epsilon").range(Range.positive())
            .description("Epsilon of the pre-LayerNorms (the reference uses 1e-12).");

    /** Width multiplier of the feed-forward layer. */
    public static final Setting<Integer> RFF_EXPANSION = define("rffExpansion", Integer.class, 4)
            .group(ARCHITECTURE).label("Feed-forward expansion").range(Range.atLeast(1))
            .description("Width multiplier of the row-wise feed-forward layer (4 in the reference).");

    /** Whether to add a column-index embedding. */
    public static final Setting<Boolean> FEATURE_INDEX_EMBEDDING = define("featureIndexEmbedding", Boolean.class, true)
            .group(ARCHITECTURE).label("Column-index embedding").option("index-embedding")
            .description("Add a learned embedding of each column's index.");

    /** Whether to add a column-type embedding. */
    public static final Setting<Boolean> FEATURE_TYPE_EMBEDDING = define("featureTypeEmbedding", Boolean.class, true)
            .group(ARCHITECTURE).label("Column-type embedding").option("type-embedding")
            .description("Add a learned numerical/categorical type embedding (only when both types occur).");

    /** Whether rows attend to each other. */
    public static final Setting<Boolean> ATTENTION_BETWEEN_DATAPOINTS = define("attentionBetweenDatapoints", Boolean.class, true)
            .group(ARCHITECTURE).label("Attention between datapoints").option("abd")
            .description("Let rows attend to each other (ABD); false makes each row attend only to itself, an ablation.");

    // Masking

    /** p_feature. */
    public static final Setting<Double> FEATURE_MASK_PROBABILITY = define("featureMaskProbability", Double.class, 0.15)
            .group(MASKING).label("Feature mask probability").range(Range.probability())
            .description("Probability of masking each observed feature cell during training (p_feature).");

    /** p_target. */
    public static final Setting<Double> TARGET_MASK_PROBABILITY = define("targetMaskProbability", Double.class, 1.0)
            .group(MASKING).label("Target mask probability").range(Range.probability())
            .description("Probability of masking each training label during training (p_target); 1 hides all labels, "
                    + "below 1 lets unmasked training labels act as context at prediction time.");

    /** Share of chosen cells that are masked rather than randomised. */
    public static final Setting<Double> MASK_FRACTION = define("maskFraction", Double.class, 0.9)
            .group(MASKING).label("Mask fraction").range(Range.probability())
            .description("Share of the chosen cells that are masked; the rest are replaced by random values (BERT style, 0.9).");

    /** Whether validation and test rows' features take part in training. */
    public static final Setting<Boolean> SEMI_SUPERVISED = define("semiSupervised", Boolean.class, true)
            .group(MASKING).label("Semi-supervised rows")
            .description("Feed validation and test rows' features into training (their targets stay hidden).");

    // Loss

    /** λ at the start. */
    public static final Setting<Double> TRADEOFF_START = define("tradeoffStart", Double.class, 1.0)
            .group(LOSS).label("Feature-loss weight (lambda) at start").range(Range.probability())
            .description("Initial weight lambda of the feature-reconstruction loss against the target loss.");

    /** How λ evolves. */
    public static final Setting<TradeoffSchedule> TRADEOFF_SCHEDULE = define("tradeoffSchedule", TradeoffSchedule.class, TradeoffSchedule.COSINE)
            .group(LOSS).label("Feature-loss weight schedule")
            .description("How lambda evolves: COSINE anneals it to 0, CONSTANT keeps it.");

    /** Fraction of the steps over which λ anneals. */
    public static final Setting<Double> TRADEOFF_ANNEALING_PROPORTION = define("tradeoffAnnealingProportion", Double.class, 1.0)
            .group(LOSS).label("Feature-loss annealing proportion").range(Range.openClosed(0, 1))
            .description("Fraction of the steps over which lambda is annealed to 0.");

    // Optimiser

    /** LAMB's base learning rate. */
    public static final Setting<Double> LEARNING_RATE = define("learningRate", Double.class, 1e-3)
            .group(OPTIMISER).label("Learning rate").range(Range.positive())
            .description("Base learning rate of LAMB.");

    /** The learning-rate schedule. */
    public static final Setting<LearningRateSchedule> LR_SCHEDULE = define("lrSchedule", LearningRateSchedule.class, LearningRateSchedule.FLAT_AND_ANNEAL)
            .group(OPTIMISER).label("Learning-rate schedule")
            .description("FLAT_AND_ANNEAL holds the rate, then cosine-anneals it to 0; CONSTANT holds it throughout.");

    /** Fraction of the steps at the flat rate. */
    public static final Setting<Double> FLAT_PROPORTION = define("flatProportion", Double.class, 0.5)
            .group(OPTIMISER).label("Flat learning-rate proportion").range(Range.probability())
            .description("Fraction of the steps at the flat learning rate before cosine annealing.");

    /** LAMB β1. */
    public static final Setting<Double> LAMB_BETA1 = define("lambBeta1", Double.class, 0.9)
            .group(OPTIMISER).label("LAMB beta1").range(Range.closedOpen(0, 1))
            .description("LAMB first-moment decay.");

    /** LAMB β2. */
    public static final Setting<Double> LAMB_BETA2 = define("lambBeta2", Double.class, 0.999)
            .group(OPTIMISER).label("LAMB beta2").range(Range.closedOpen(0, 1))
            .description("LAMB second-moment decay.");

    /** LAMB ε. */
    public static final Setting<Double> LAMB_EPSILON = define("lambEpsilon", Double.class, 1e-6)
            .group(OPTIMISER).label("LAMB epsilon").range(Range.positive())
            .description("LAMB denominator epsilon.");

    /** LAMB weight decay. */
    public static final Setting<Double> WEIGHT_DECAY = define("weightDecay", Double.class, 0.0)
            .group(OPTIMISER).label("Weight decay").range(Range.atLeast(0))
            .description("LAMB weight decay (0 in the reference).");

    /** Clamp on the weight norm in LAMB's trust ratio. */
    public static final Setting<Double> TRUST_RATIO_CLAMP = define("trustRatioClamp", Double.class, 10.0)
            .group(OPTIMISER).label("Trust-ratio clamp").range(Range.positive())
            .description("Upper clamp on the weight norm in LAMB's trust ratio (10 in the reference).");

    /** Lookahead α. */
    public static final Setting<Double> LOOKAHEAD_ALPHA = define("lookaheadAlpha", Double.class, 0.5)
            .group(OPTIMISER).label("Lookahead alpha").range(Range.openClosed(0, 1))
            .description("Lookahead interpolation factor towards the fast weights.");

    /** Lookahead period k. */
    public static final Setting<Integer> LOOKAHEAD_STEPS = define("lookaheadSteps", Integer.class, 6)
            .group(OPTIMISER).label("Lookahead steps").range(Range.atLeast(0))
            .description("Lookahead synchronisation period in steps; 0 turns Lookahead off.");

    /** Element-wise gradient clip. */
    public static final Setting<Double> GRADIENT_CLIP_VALUE = define("gradientClipValue", Double.class, 1.0)
            .group(OPTIMISER).label("Gradient clip value").range(Range.atLeast(0))
            .description("Clip every gradient element to [-value, value]; 0 turns clipping off.");

    // Training

    /** Total optimiser steps. */
    public static final Setting<Integer> STEPS = define("steps", Integer.class, 2000)
            .group(TRAINING).label("Training steps").range(Range.atLeast(1))
            .description("Total optimiser steps.");

    /** Rows per training batch, 0 for the whole table. */
    public static final Setting<Integer> BATCH_SIZE = define("batchSize", Integer.class, 0)
            .group(TRAINING).label("Training batch size").option("training-batch-size").property("trainingBatchSize")
            // -1 is the reference's spelling of "whole table"; one spelling keeps configs comparable.
            .normalise(b -> b == -1 ? 0 : b).range(Range.atLeast(0))
            .rule(b -> b == 0 || b >= 2, "0 (the whole table) or at least 2")
            .description("Rows per training batch; 0 (or a size at least the table's) trains on the whole table at once.");

    /** Whether batches are also stratified by class. */
    public static final Setting<Boolean> CLASS_BALANCED_BATCHES = define("classBalancedBatches", Boolean.class, false)
            .group(TRAINING).label("Class-balanced batches").option("class-balanced")
            .description("Stratify each mini-batch's training rows by class as well as by row role.");

    /** Share of training rows held out when no validation rows are given. */
    public static final Setting<Double> VALIDATION_FRACTION = define("validationFraction", Double.class, 0.2)
            .group(TRAINING).label("Validation fraction").range(Range.closedOpen(0, 1))
            .description("Share of the training rows held out for checkpoint selection when no validation rows are given; "
                    + "0 keeps the final weights.");

    /** Evaluate every this many epochs. */
    public static final Setting<Integer> EVALUATION_INTERVAL = define("evaluationInterval", Integer.class, 1)
            .group(TRAINING).label("Evaluation interval (epochs)").range(Range.atLeast(1))
            .description("Evaluate the validation target loss every this many epochs.");

    /** The random seed. */
    public static final Setting<Long> SEED = define("seed", Long.class, 42L)
            .group(TRAINING).label("Random seed")
            .description("Seed for initialisation, masking, dropout and splits; the same seed gives the same model on CPU.");

    // Prediction

    /** New rows scored per forward pass. */
    public static final Setting<Integer> PREDICTION_BATCH_SIZE = define("predictionBatchSize", Integer.class, 256)
            .group(PREDICTION).label("Prediction pass size").range(Range.atLeast(1))
            .description("New rows scored together in one forward pass against the stored context; bounds memory.");

    // Device

    /** Where to compute. */
    public static final Setting<String> DEVICE = define("device", String.class, "cpu")
            .group(SettingGroup.DEVICE).label("Device").rule(Settings::isDevice, "cpu, gpu, gpu:N or auto")
            .description("Where to compute: cpu, gpu, gpu:N, or auto (GPU when present, else CPU).");

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

    private static <T> Setting.Builder<T> define(String name, Class<T> type, T defaultValue) {
        return Setting.define(name, type, defaultValue, REGISTRY::add);
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
