package org.npt4j.core;

/**
 * One-line descriptions of every {@link NptConfig} setting, as compile-time constants so that the
 * Tribuo ({@code @Config(description=...)}) and Weka ({@code @OptionMetadata}) adapters share one
 * wording.
 */
public final class ConfigDocs {
    private ConfigDocs() {}

    public static final String EMBEDDING_DIM = "Per-attribute embedding width e; ABD blocks work on rows of width (number of columns) x e.";
    public static final String DEPTH = "Number of attention layers, alternating ABD (between rows) and ABA (between attributes); even and at least 2.";
    public static final String HEADS = "Attention heads per layer; must divide the embedding width.";
    public static final String HIDDEN_DROPOUT = "Dropout on embeddings, attention outputs and feed-forward layers.";
    public static final String ATTENTION_DROPOUT = "Dropout on the attention weights.";
    public static final String LAYER_NORM_EPS = "Epsilon of the pre-LayerNorms (the reference uses 1e-12).";
    public static final String RFF_EXPANSION = "Width multiplier of the row-wise feed-forward layer (4 in the reference).";
    public static final String FEATURE_INDEX_EMBEDDING = "Add a learned embedding of each column's index.";
    public static final String FEATURE_TYPE_EMBEDDING = "Add a learned numerical/categorical type embedding (only when both types occur).";
    public static final String ATTENTION_BETWEEN_DATAPOINTS = "Let rows attend to each other (ABD); false makes each row attend only to itself, an ablation.";
    public static final String FEATURE_MASK_PROBABILITY = "Probability of masking each observed feature cell during training (p_feature).";
    public static final String TARGET_MASK_PROBABILITY = "Probability of masking each training label during training (p_target); 1 hides all labels, below 1 lets unmasked training labels act as context at prediction time.";
    public static final String MASK_FRACTION = "Share of the chosen cells that are masked; the rest are replaced by random values (BERT style, 0.9).";
    public static final String SEMI_SUPERVISED = "Feed validation and test rows' features into training (their targets stay hidden).";
    public static final String TRADEOFF_START = "Initial weight lambda of the feature-reconstruction loss against the target loss.";
    public static final String TRADEOFF_SCHEDULE = "How lambda evolves: COSINE anneals it to 0, CONSTANT keeps it.";
    public static final String TRADEOFF_ANNEALING_PROPORTION = "Fraction of the steps over which lambda is annealed to 0.";
    public static final String LEARNING_RATE = "Base learning rate of LAMB.";
    public static final String LR_SCHEDULE = "FLAT_AND_ANNEAL holds the rate, then cosine-anneals it to 0; CONSTANT holds it throughout.";
    public static final String FLAT_PROPORTION = "Fraction of the steps at the flat learning rate before cosine annealing.";
    public static final String LAMB_BETA1 = "LAMB first-moment decay.";
    public static final String LAMB_BETA2 = "LAMB second-moment decay.";
    public static final String LAMB_EPSILON = "LAMB denominator epsilon.";
    public static final String WEIGHT_DECAY = "LAMB weight decay (0 in the reference).";
    public static final String TRUST_RATIO_CLAMP = "Upper clamp on the weight norm in LAMB's trust ratio (10 in the reference).";
    public static final String LOOKAHEAD_ALPHA = "Lookahead interpolation factor towards the fast weights.";
    public static final String LOOKAHEAD_STEPS = "Lookahead synchronisation period in steps; 0 turns Lookahead off.";
    public static final String GRADIENT_CLIP_VALUE = "Clip every gradient element to [-value, value]; 0 turns clipping off.";
    public static final String STEPS = "Total optimiser steps.";
    public static final String BATCH_SIZE = "Rows per training batch; 0 (or a size at least the table's) trains on the whole table at once.";
    public static final String CLASS_BALANCED_BATCHES = "Stratify each mini-batch's training rows by class as well as by row role.";
    public static final String VALIDATION_FRACTION = "Share of the training rows held out for checkpoint selection when no validation rows are given; 0 keeps the final weights.";
    public static final String EVALUATION_INTERVAL = "Evaluate the validation target loss every this many epochs.";
    public static final String PREDICTION_BATCH_SIZE = "New rows scored together in one forward pass against the stored context; bounds memory.";
    public static final String DEVICE = "Where to compute: cpu, gpu, gpu:N, or auto (GPU when present, else CPU).";
    public static final String SEED = "Seed for initialisation, masking, dropout and splits; the same seed gives the same model on CPU.";
    public static final String PRESET = "Named starting point for all settings: paper (NPT-Base) or cpu (small and fast).";
}
