package weka.classifiers.functions;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npt4j.core.ConfigDocs;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;
import org.npt4j.core.Preset;
import org.npt4j.core.inference.ClassPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.core.training.TrainingSummary;
import org.npt4j.weka.ContextClassLoader;
import org.npt4j.weka.InstancesTable;
import org.npt4j.weka.ProgressReporter;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.RandomizableClassifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;

/**
 * <!-- globalinfo-start -->
 * The Non-Parametric Transformer (NPT): a neural network that takes the whole data set as input
 * and lets instances attend to each other.
 * <!-- globalinfo-end -->
 *
 * <p>Every NPT setting is a property with an {@link OptionMetadata} annotation (display name,
 * description and command-line option), so the GUI editor, command lines, the Experimenter and
 * {@code makeCopy} all see the same settings; {@code -preset} first sets all of them to a preset
 * and the other options then override single settings. Booleans that are on by default are
 * offered as flags that turn them off ({@code -no-abd}, {@code -supervised-only}, ...).
 *
 * <p>A trained classifier carries its weights and its training instances (the context it attends
 * to) as bytes, so it serializes with Weka's "Save model" and {@code -d}, and predicts after
 * loading in a fresh JVM. The untrained classifier holds no native state and copies cheaply.
 * Every call into DJL runs with the thread context class loader switched to the package's own
 * class loader, so that the classifier works when loaded from an installed Weka package.
 */
public class NonParametricTransformer extends RandomizableClassifier
        implements TechnicalInformationHandler, LogHandler {

    private static final long serialVersionUID = 1L;

    /** Command-line option of each NPT setting, by {@link NptConfig} field name. */
    private static final Map<String, String> OPTION_NAMES = new HashMap<>();

    static {
        OPTION_NAMES.put("embeddingDim", "embedding-dim");
        OPTION_NAMES.put("depth", "depth");
        OPTION_NAMES.put("heads", "heads");
        OPTION_NAMES.put("hiddenDropout", "hidden-dropout");
        OPTION_NAMES.put("attentionDropout", "attention-dropout");
        OPTION_NAMES.put("layerNormEps", "layer-norm-eps");
        OPTION_NAMES.put("rffExpansion", "rff-expansion");
        OPTION_NAMES.put("featureIndexEmbedding", "no-index-embedding");
        OPTION_NAMES.put("featureTypeEmbedding", "no-type-embedding");
        OPTION_NAMES.put("attentionBetweenDatapoints", "no-abd");
        OPTION_NAMES.put("featureMaskProbability", "feature-mask-probability");
        OPTION_NAMES.put("targetMaskProbability", "target-mask-probability");
        OPTION_NAMES.put("maskFraction", "mask-fraction");
        OPTION_NAMES.put("semiSupervised", "supervised-only");
        OPTION_NAMES.put("tradeoffStart", "tradeoff-start");
        OPTION_NAMES.put("tradeoffSchedule", "tradeoff-schedule");
        OPTION_NAMES.put("tradeoffAnnealingProportion", "tradeoff-annealing-proportion");
        OPTION_NAMES.put("learningRate", "learning-rate");
        OPTION_NAMES.put("lrSchedule", "lr-schedule");
        OPTION_NAMES.put("flatProportion", "flat-proportion");
        OPTION_NAMES.put("lambBeta1", "lamb-beta1");
        OPTION_NAMES.put("lambBeta2", "lamb-beta2");
        OPTION_NAMES.put("lambEpsilon", "lamb-epsilon");
        OPTION_NAMES.put("weightDecay", "weight-decay");
        OPTION_NAMES.put("trustRatioClamp", "trust-ratio-clamp");
        OPTION_NAMES.put("lookaheadAlpha", "lookahead-alpha");
        OPTION_NAMES.put("lookaheadSteps", "lookahead-steps");
        OPTION_NAMES.put("gradientClipValue", "gradient-clip-value");
        OPTION_NAMES.put("steps", "steps");
        OPTION_NAMES.put("batchSize", "training-batch-size");
        OPTION_NAMES.put("classBalancedBatches", "class-balanced");
        OPTION_NAMES.put("validationFraction", "validation-fraction");
        OPTION_NAMES.put("evaluationInterval", "evaluation-interval");
        OPTION_NAMES.put("predictionBatchSize", "prediction-batch-size");
        OPTION_NAMES.put("device", "device");
    }

    /** Every NPT setting but the seed (which is Weka's -S), as text, by {@link NptConfig} field name. */
    private Map<String, String> m_settings = presetSettings(Preset.CPU_FAST);
    private Preset m_preset = Preset.CPU_FAST;

    /** The fitted NPT; written as bytes by {@link #writeObject}. */
    private transient NptModel m_model;
    /** The attributes NPT uses, in column order (those with at least one training value). */
    private List<String> m_features;
    /** The training header, to map NPT's classes to the class attribute's values. */
    private Instances m_header;
    /** Stands in when the training data leave NPT nothing to learn from. */
    private Classifier m_fallback;
    private String m_fallbackReason;
    private transient Logger m_log;

    /** Creates the classifier with the fast CPU preset. */
    public NonParametricTransformer() {
        setSeed(1);
    }

    private static Map<String, String> presetSettings(Preset preset) {
        Map<String, String> settings = new LinkedHashMap<>(NptConfig.of(preset).toMap());
        settings.remove("seed");
        return settings;
    }

    /**
     * @return a description of the classifier for the GUI
     */
    public String globalInfo() {
        return "The Non-Parametric Transformer (NPT) takes the whole data set as input: attention between "
                + "datapoints, where every instance attends to every other, alternates with attention between "
                + "attributes. Trained by masking attribute values and class labels at random, it learns to "
                + "predict an instance from the instances it resembles as well as from its own attributes. At "
                + "prediction time the training instances are the context each new instance attends to, so a "
                + "trained model carries them (like a nearest-neighbour method). Missing values are handled "
                + "natively, without imputation. The default preset CPU_FAST is a small model that trains in "
                + "about a minute on a laptop; PAPER is the paper's NPT-Base, best run on a GPU.\n\n"
                + "For more information, see:\n\n" + getTechnicalInformation().toString();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation info = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
        info.setValue(TechnicalInformation.Field.AUTHOR,
                "Jannik Kossen and Neil Band and Clare Lyle and Aidan N. Gomez and Tom Rainforth and Yarin Gal");
        info.setValue(TechnicalInformation.Field.TITLE,
                "Self-Attention Between Datapoints: Going Beyond Individual Input-Output Pairs in Deep Learning");
        info.setValue(TechnicalInformation.Field.BOOKTITLE, "Advances in Neural Information Processing Systems 34 (NeurIPS 2021)");
        info.setValue(TechnicalInformation.Field.YEAR, "2021");
        info.setValue(TechnicalInformation.Field.URL, "https://arxiv.org/abs/2106.02584");
        return info;
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capability.NOMINAL_ATTRIBUTES);
        result.enable(Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capability.DATE_ATTRIBUTES);
        result.enable(Capability.MISSING_VALUES);
        result.enable(Capability.NOMINAL_CLASS);
        result.enable(Capability.NUMERIC_CLASS);
        result.enable(Capability.DATE_CLASS);
        result.enable(Capability.MISSING_CLASS_VALUES);
        result.setMinimumNumberInstances(0);
        return result;
    }

    // ---------------------------------------------------------------------------------------------
    // Options

    /**
     * Sets the options. Settings not given take the values of the preset ({@code -preset}, by
     * default CPU_FAST), as Weka users expect of options left out.
     */
    @Override
    public void setOptions(String[] options) throws Exception {
        String preset = Utils.getOption("preset", options.clone());
        m_preset = preset.isEmpty() ? Preset.CPU_FAST : Preset.parse(preset);
        m_settings = presetSettings(m_preset);
        super.setOptions(options);
    }

    @OptionMetadata(displayName = "Preset", description = ConfigDocs.PRESET
            + " Choosing a preset sets every setting to its value.",
            category = "Preset", displayOrder = 1, commandLineParamName = "preset",
            commandLineParamSynopsis = "-preset <CPU_FAST|PAPER>")
    public Preset getPreset() {
        return m_preset;
    }

    public void setPreset(Preset preset) {
        if (preset != m_preset) {
            m_preset = preset;
            m_settings = presetSettings(preset);
        }
    }

    @OptionMetadata(displayName = "Embedding width", description = ConfigDocs.EMBEDDING_DIM,
            category = "Architecture", displayOrder = 11, commandLineParamName = "embedding-dim",
            commandLineParamSynopsis = "-embedding-dim <int>")
    public int getEmbeddingDim() {
        return Integer.parseInt(m_settings.get("embeddingDim"));
    }

    public void setEmbeddingDim(int value) {
        m_settings.put("embeddingDim", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Depth (layers)", description = ConfigDocs.DEPTH,
            category = "Architecture", displayOrder = 12, commandLineParamName = "depth",
            commandLineParamSynopsis = "-depth <int>")
    public int getDepth() {
        return Integer.parseInt(m_settings.get("depth"));
    }

    public void setDepth(int value) {
        m_settings.put("depth", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Attention heads", description = ConfigDocs.HEADS,
            category = "Architecture", displayOrder = 13, commandLineParamName = "heads",
            commandLineParamSynopsis = "-heads <int>")
    public int getHeads() {
        return Integer.parseInt(m_settings.get("heads"));
    }

    public void setHeads(int value) {
        m_settings.put("heads", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Hidden dropout", description = ConfigDocs.HIDDEN_DROPOUT,
            category = "Architecture", displayOrder = 14, commandLineParamName = "hidden-dropout",
            commandLineParamSynopsis = "-hidden-dropout <number>")
    public double getHiddenDropout() {
        return Double.parseDouble(m_settings.get("hiddenDropout"));
    }

    public void setHiddenDropout(double value) {
        m_settings.put("hiddenDropout", Double.toString(value));
    }

    @OptionMetadata(displayName = "Attention dropout", description = ConfigDocs.ATTENTION_DROPOUT,
            category = "Architecture", displayOrder = 15, commandLineParamName = "attention-dropout",
            commandLineParamSynopsis = "-attention-dropout <number>")
    public double getAttentionDropout() {
        return Double.parseDouble(m_settings.get("attentionDropout"));
    }

    public void setAttentionDropout(double value) {
        m_settings.put("attentionDropout", Double.toString(value));
    }

    @OptionMetadata(displayName = "LayerNorm epsilon", description = ConfigDocs.LAYER_NORM_EPS,
            category = "Architecture", displayOrder = 16, commandLineParamName = "layer-norm-eps",
            commandLineParamSynopsis = "-layer-norm-eps <number>")
    public double getLayerNormEps() {
        return Double.parseDouble(m_settings.get("layerNormEps"));
    }

    public void setLayerNormEps(double value) {
        m_settings.put("layerNormEps", Double.toString(value));
    }

    @OptionMetadata(displayName = "Feed-forward expansion", description = ConfigDocs.RFF_EXPANSION,
            category = "Architecture", displayOrder = 17, commandLineParamName = "rff-expansion",
            commandLineParamSynopsis = "-rff-expansion <int>")
    public int getRffExpansion() {
        return Integer.parseInt(m_settings.get("rffExpansion"));
    }

    public void setRffExpansion(int value) {
        m_settings.put("rffExpansion", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Disable column-index embedding", description = "Turns off: " + ConfigDocs.FEATURE_INDEX_EMBEDDING,
            category = "Architecture", displayOrder = 18, commandLineParamName = "no-index-embedding",
            commandLineParamSynopsis = "-no-index-embedding", commandLineParamIsFlag = true)
    public boolean getDisableFeatureIndexEmbedding() {
        return !Boolean.parseBoolean(m_settings.get("featureIndexEmbedding"));
    }

    public void setDisableFeatureIndexEmbedding(boolean value) {
        m_settings.put("featureIndexEmbedding", Boolean.toString(!value));
    }

    @OptionMetadata(displayName = "Disable column-type embedding", description = "Turns off: " + ConfigDocs.FEATURE_TYPE_EMBEDDING,
            category = "Architecture", displayOrder = 19, commandLineParamName = "no-type-embedding",
            commandLineParamSynopsis = "-no-type-embedding", commandLineParamIsFlag = true)
    public boolean getDisableFeatureTypeEmbedding() {
        return !Boolean.parseBoolean(m_settings.get("featureTypeEmbedding"));
    }

    public void setDisableFeatureTypeEmbedding(boolean value) {
        m_settings.put("featureTypeEmbedding", Boolean.toString(!value));
    }

    @OptionMetadata(displayName = "Disable attention between datapoints", description = "Turns off: " + ConfigDocs.ATTENTION_BETWEEN_DATAPOINTS,
            category = "Architecture", displayOrder = 20, commandLineParamName = "no-abd",
            commandLineParamSynopsis = "-no-abd", commandLineParamIsFlag = true)
    public boolean getDisableAttentionBetweenDatapoints() {
        return !Boolean.parseBoolean(m_settings.get("attentionBetweenDatapoints"));
    }

    public void setDisableAttentionBetweenDatapoints(boolean value) {
        m_settings.put("attentionBetweenDatapoints", Boolean.toString(!value));
    }

    @OptionMetadata(displayName = "Feature mask probability", description = ConfigDocs.FEATURE_MASK_PROBABILITY,
            category = "Masking", displayOrder = 21, commandLineParamName = "feature-mask-probability",
            commandLineParamSynopsis = "-feature-mask-probability <number>")
    public double getFeatureMaskProbability() {
        return Double.parseDouble(m_settings.get("featureMaskProbability"));
    }

    public void setFeatureMaskProbability(double value) {
        m_settings.put("featureMaskProbability", Double.toString(value));
    }

    @OptionMetadata(displayName = "Target mask probability", description = ConfigDocs.TARGET_MASK_PROBABILITY,
            category = "Masking", displayOrder = 22, commandLineParamName = "target-mask-probability",
            commandLineParamSynopsis = "-target-mask-probability <number>")
    public double getTargetMaskProbability() {
        return Double.parseDouble(m_settings.get("targetMaskProbability"));
    }

    public void setTargetMaskProbability(double value) {
        m_settings.put("targetMaskProbability", Double.toString(value));
    }

    @OptionMetadata(displayName = "Mask fraction", description = ConfigDocs.MASK_FRACTION,
            category = "Masking", displayOrder = 23, commandLineParamName = "mask-fraction",
            commandLineParamSynopsis = "-mask-fraction <number>")
    public double getMaskFraction() {
        return Double.parseDouble(m_settings.get("maskFraction"));
    }

    public void setMaskFraction(double value) {
        m_settings.put("maskFraction", Double.toString(value));
    }

    @OptionMetadata(displayName = "Supervised only (no semi-supervised rows)", description = "Turns off: " + ConfigDocs.SEMI_SUPERVISED,
            category = "Masking", displayOrder = 24, commandLineParamName = "supervised-only",
            commandLineParamSynopsis = "-supervised-only", commandLineParamIsFlag = true)
    public boolean getSupervisedOnly() {
        return !Boolean.parseBoolean(m_settings.get("semiSupervised"));
    }

    public void setSupervisedOnly(boolean value) {
        m_settings.put("semiSupervised", Boolean.toString(!value));
    }

    @OptionMetadata(displayName = "Feature-loss weight (lambda) at start", description = ConfigDocs.TRADEOFF_START,
            category = "Loss", displayOrder = 25, commandLineParamName = "tradeoff-start",
            commandLineParamSynopsis = "-tradeoff-start <number>")
    public double getTradeoffStart() {
        return Double.parseDouble(m_settings.get("tradeoffStart"));
    }

    public void setTradeoffStart(double value) {
        m_settings.put("tradeoffStart", Double.toString(value));
    }

    @OptionMetadata(displayName = "Feature-loss weight schedule", description = ConfigDocs.TRADEOFF_SCHEDULE,
            category = "Loss", displayOrder = 26, commandLineParamName = "tradeoff-schedule",
            commandLineParamSynopsis = "-tradeoff-schedule <COSINE|CONSTANT>")
    public NptConfig.TradeoffSchedule getTradeoffSchedule() {
        return NptConfig.TradeoffSchedule.valueOf(m_settings.get("tradeoffSchedule"));
    }

    public void setTradeoffSchedule(NptConfig.TradeoffSchedule value) {
        m_settings.put("tradeoffSchedule", value.name());
    }

    @OptionMetadata(displayName = "Feature-loss annealing proportion", description = ConfigDocs.TRADEOFF_ANNEALING_PROPORTION,
            category = "Loss", displayOrder = 27, commandLineParamName = "tradeoff-annealing-proportion",
            commandLineParamSynopsis = "-tradeoff-annealing-proportion <number>")
    public double getTradeoffAnnealingProportion() {
        return Double.parseDouble(m_settings.get("tradeoffAnnealingProportion"));
    }

    public void setTradeoffAnnealingProportion(double value) {
        m_settings.put("tradeoffAnnealingProportion", Double.toString(value));
    }

    @OptionMetadata(displayName = "Learning rate", description = ConfigDocs.LEARNING_RATE,
            category = "Optimiser", displayOrder = 28, commandLineParamName = "learning-rate",
            commandLineParamSynopsis = "-learning-rate <number>")
    public double getLearningRate() {
        return Double.parseDouble(m_settings.get("learningRate"));
    }

    public void setLearningRate(double value) {
        m_settings.put("learningRate", Double.toString(value));
    }

    @OptionMetadata(displayName = "Learning-rate schedule", description = ConfigDocs.LR_SCHEDULE,
            category = "Optimiser", displayOrder = 29, commandLineParamName = "lr-schedule",
            commandLineParamSynopsis = "-lr-schedule <FLAT_AND_ANNEAL|CONSTANT>")
    public NptConfig.LrSchedule getLrSchedule() {
        return NptConfig.LrSchedule.valueOf(m_settings.get("lrSchedule"));
    }

    public void setLrSchedule(NptConfig.LrSchedule value) {
        m_settings.put("lrSchedule", value.name());
    }

    @OptionMetadata(displayName = "Flat learning-rate proportion", description = ConfigDocs.FLAT_PROPORTION,
            category = "Optimiser", displayOrder = 30, commandLineParamName = "flat-proportion",
            commandLineParamSynopsis = "-flat-proportion <number>")
    public double getFlatProportion() {
        return Double.parseDouble(m_settings.get("flatProportion"));
    }

    public void setFlatProportion(double value) {
        m_settings.put("flatProportion", Double.toString(value));
    }

    @OptionMetadata(displayName = "LAMB beta1", description = ConfigDocs.LAMB_BETA1,
            category = "Optimiser", displayOrder = 31, commandLineParamName = "lamb-beta1",
            commandLineParamSynopsis = "-lamb-beta1 <number>")
    public double getLambBeta1() {
        return Double.parseDouble(m_settings.get("lambBeta1"));
    }

    public void setLambBeta1(double value) {
        m_settings.put("lambBeta1", Double.toString(value));
    }

    @OptionMetadata(displayName = "LAMB beta2", description = ConfigDocs.LAMB_BETA2,
            category = "Optimiser", displayOrder = 32, commandLineParamName = "lamb-beta2",
            commandLineParamSynopsis = "-lamb-beta2 <number>")
    public double getLambBeta2() {
        return Double.parseDouble(m_settings.get("lambBeta2"));
    }

    public void setLambBeta2(double value) {
        m_settings.put("lambBeta2", Double.toString(value));
    }

    @OptionMetadata(displayName = "LAMB epsilon", description = ConfigDocs.LAMB_EPSILON,
            category = "Optimiser", displayOrder = 33, commandLineParamName = "lamb-epsilon",
            commandLineParamSynopsis = "-lamb-epsilon <number>")
    public double getLambEpsilon() {
        return Double.parseDouble(m_settings.get("lambEpsilon"));
    }

    public void setLambEpsilon(double value) {
        m_settings.put("lambEpsilon", Double.toString(value));
    }

    @OptionMetadata(displayName = "Weight decay", description = ConfigDocs.WEIGHT_DECAY,
            category = "Optimiser", displayOrder = 34, commandLineParamName = "weight-decay",
            commandLineParamSynopsis = "-weight-decay <number>")
    public double getWeightDecay() {
        return Double.parseDouble(m_settings.get("weightDecay"));
    }

    public void setWeightDecay(double value) {
        m_settings.put("weightDecay", Double.toString(value));
    }

    @OptionMetadata(displayName = "Trust-ratio clamp", description = ConfigDocs.TRUST_RATIO_CLAMP,
            category = "Optimiser", displayOrder = 35, commandLineParamName = "trust-ratio-clamp",
            commandLineParamSynopsis = "-trust-ratio-clamp <number>")
    public double getTrustRatioClamp() {
        return Double.parseDouble(m_settings.get("trustRatioClamp"));
    }

    public void setTrustRatioClamp(double value) {
        m_settings.put("trustRatioClamp", Double.toString(value));
    }

    @OptionMetadata(displayName = "Lookahead alpha", description = ConfigDocs.LOOKAHEAD_ALPHA,
            category = "Optimiser", displayOrder = 36, commandLineParamName = "lookahead-alpha",
            commandLineParamSynopsis = "-lookahead-alpha <number>")
    public double getLookaheadAlpha() {
        return Double.parseDouble(m_settings.get("lookaheadAlpha"));
    }

    public void setLookaheadAlpha(double value) {
        m_settings.put("lookaheadAlpha", Double.toString(value));
    }

    @OptionMetadata(displayName = "Lookahead steps", description = ConfigDocs.LOOKAHEAD_STEPS,
            category = "Optimiser", displayOrder = 37, commandLineParamName = "lookahead-steps",
            commandLineParamSynopsis = "-lookahead-steps <int>")
    public int getLookaheadSteps() {
        return Integer.parseInt(m_settings.get("lookaheadSteps"));
    }

    public void setLookaheadSteps(int value) {
        m_settings.put("lookaheadSteps", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Gradient clip value", description = ConfigDocs.GRADIENT_CLIP_VALUE,
            category = "Optimiser", displayOrder = 38, commandLineParamName = "gradient-clip-value",
            commandLineParamSynopsis = "-gradient-clip-value <number>")
    public double getGradientClipValue() {
        return Double.parseDouble(m_settings.get("gradientClipValue"));
    }

    public void setGradientClipValue(double value) {
        m_settings.put("gradientClipValue", Double.toString(value));
    }

    @OptionMetadata(displayName = "Training steps", description = ConfigDocs.STEPS,
            category = "Training", displayOrder = 39, commandLineParamName = "steps",
            commandLineParamSynopsis = "-steps <int>")
    public int getSteps() {
        return Integer.parseInt(m_settings.get("steps"));
    }

    public void setSteps(int value) {
        m_settings.put("steps", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Training batch size", description = ConfigDocs.BATCH_SIZE,
            category = "Training", displayOrder = 40, commandLineParamName = "training-batch-size",
            commandLineParamSynopsis = "-training-batch-size <int>")
    public int getTrainingBatchSize() {
        return Integer.parseInt(m_settings.get("batchSize"));
    }

    public void setTrainingBatchSize(int value) {
        m_settings.put("batchSize", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Class-balanced batches", description = ConfigDocs.CLASS_BALANCED_BATCHES,
            category = "Training", displayOrder = 41, commandLineParamName = "class-balanced",
            commandLineParamSynopsis = "-class-balanced", commandLineParamIsFlag = true)
    public boolean getClassBalancedBatches() {
        return Boolean.parseBoolean(m_settings.get("classBalancedBatches"));
    }

    public void setClassBalancedBatches(boolean value) {
        m_settings.put("classBalancedBatches", Boolean.toString(value));
    }

    @OptionMetadata(displayName = "Validation fraction", description = ConfigDocs.VALIDATION_FRACTION,
            category = "Training", displayOrder = 42, commandLineParamName = "validation-fraction",
            commandLineParamSynopsis = "-validation-fraction <number>")
    public double getValidationFraction() {
        return Double.parseDouble(m_settings.get("validationFraction"));
    }

    public void setValidationFraction(double value) {
        m_settings.put("validationFraction", Double.toString(value));
    }

    @OptionMetadata(displayName = "Evaluation interval (epochs)", description = ConfigDocs.EVALUATION_INTERVAL,
            category = "Training", displayOrder = 43, commandLineParamName = "evaluation-interval",
            commandLineParamSynopsis = "-evaluation-interval <int>")
    public int getEvaluationInterval() {
        return Integer.parseInt(m_settings.get("evaluationInterval"));
    }

    public void setEvaluationInterval(int value) {
        m_settings.put("evaluationInterval", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Prediction pass size", description = ConfigDocs.PREDICTION_BATCH_SIZE,
            category = "Prediction", displayOrder = 44, commandLineParamName = "prediction-batch-size",
            commandLineParamSynopsis = "-prediction-batch-size <int>")
    public int getPredictionBatchSize() {
        return Integer.parseInt(m_settings.get("predictionBatchSize"));
    }

    public void setPredictionBatchSize(int value) {
        m_settings.put("predictionBatchSize", Integer.toString(value));
    }

    @OptionMetadata(displayName = "Device", description = ConfigDocs.DEVICE,
            category = "Device", displayOrder = 45, commandLineParamName = "device",
            commandLineParamSynopsis = "-device <cpu|gpu|gpu:N|auto>")
    public String getDevice() {
        return m_settings.get("device");
    }

    public void setDevice(String value) {
        m_settings.put("device", value);
    }

    // ---------------------------------------------------------------------------------------------
    // Training

    /** @return the NPT configuration of the current options and seed */
    NptConfig nptConfig() throws Exception {
        NptConfig.Builder builder = NptConfig.builder(m_preset);
        try {
            m_settings.forEach(builder::set);
            return builder.set("seed", Integer.toString(getSeed())).build();
        } catch (NptConfigException e) {
            String option = OPTION_NAMES.getOrDefault(e.field(), e.field());
            throw new Exception("Option -" + option + ": " + e.getMessage().substring(e.field().length() + 2), e);
        }
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        NptConfig config = nptConfig();
        data = new Instances(data);
        data.deleteWithMissingClass();
        m_model = null;
        m_fallback = null;
        m_fallbackReason = null;
        m_header = new Instances(data, 0);
        m_features = InstancesTable.usableFeatures(data);
        m_fallbackReason = fallbackReason(data, m_features);
        if (m_fallbackReason != null) {
            m_fallback = new ZeroR();
            m_fallback.buildClassifier(data);
            return;
        }
        List<String> columns = new ArrayList<>(m_features);
        columns.add(data.classAttribute().name());
        Table table = InstancesTable.of(data, columns);
        String target = data.classAttribute().name();
        ProgressReporter progress = new ProgressReporter(m_log, System.err, getClass().getSimpleName());
        m_model = ContextClassLoader.call(() -> new NptTrainer(config, progress).fit(table, target));
    }

    /** @return why NPT cannot be trained on these data (so ZeroR stands in), or null */
    private static String fallbackReason(Instances data, List<String> features) {
        if (data.numInstances() == 0) {
            return "no training instances with a class value";
        }
        if (features.isEmpty()) {
            return "no attribute other than the class has a value";
        }
        if (data.classAttribute().isNominal()) {
            int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
            int present = 0;
            for (int c : counts) {
                present += c > 0 ? 1 : 0;
            }
            if (present < 2) {
                return "only one class value occurs in the training data";
            }
        } else if (data.variance(data.classIndex()) == 0) {
            return "the class has the same value in every training instance";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // Prediction

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        Instances one = new Instances(instance.dataset() != null ? instance.dataset() : m_header, 0);
        one.add(instance);
        return distributionsForInstances(one)[0];
    }

    @Override
    public boolean implementsMoreEfficientBatchPrediction() {
        return true;
    }

    /**
     * Scores the instances together against the training context, in chunks of the batch size.
     * A prediction does not depend on which other instances share its chunk.
     */
    @Override
    public double[][] distributionsForInstances(Instances instances) throws Exception {
        if (m_model == null && m_fallback == null) {
            throw new Exception("The classifier has not been trained");
        }
        double[][] out = new double[instances.numInstances()][];
        if (m_fallback != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = m_fallback.distributionForInstance(instances.instance(i));
            }
            return out;
        }
        int chunk = Math.max(1, Integer.parseInt(getBatchSize()));
        for (int from = 0; from < out.length; from += chunk) {
            int to = Math.min(out.length, from + chunk);
            Table rows = InstancesTable.of(new Instances(instances, from, to - from), m_features);
            Predictions p = ContextClassLoader.call(() -> m_model.predict(rows));
            for (int i = from; i < to; i++) {
                out[i] = distribution(p, i - from);
            }
        }
        return out;
    }

    private double[] distribution(Predictions p, int row) {
        Attribute classAttribute = m_header.classAttribute();
        if (classAttribute.isNominal()) {
            ClassPredictions classes = p.classes(classAttribute.name());
            double[] probabilities = classes.probabilities(row);
            double[] dist = new double[classAttribute.numValues()];
            for (int k = 0; k < probabilities.length; k++) {
                dist[classAttribute.indexOfValue(classes.categories().get(k))] = probabilities[k];
            }
            return dist;
        }
        return new double[] {p.values(classAttribute.name()).value(row)};
    }

    // ---------------------------------------------------------------------------------------------
    // Logging, serialization, description

    /** Set by the Explorer, which shows training progress in its status line and log. */
    @ProgrammaticProperty
    @Override
    public void setLog(Logger log) {
        m_log = log;
    }

    @ProgrammaticProperty
    @Override
    public Logger getLog() {
        return m_log;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(m_model == null ? null : m_model.toBytes());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        byte[] bytes = (byte[]) in.readObject();
        try {
            m_model = bytes == null ? null : ContextClassLoader.call(() -> NptModel.fromBytes(bytes));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public String toString() {
        if (m_fallback != null) {
            return "NonParametricTransformer: " + m_fallbackReason + "; predicting with ZeroR instead.\n\n" + m_fallback;
        }
        if (m_model == null) {
            return "NonParametricTransformer: no model built yet.";
        }
        TrainingSummary s = m_model.summary();
        StringBuilder sb = new StringBuilder("Non-Parametric Transformer\n==========================\n\n");
        sb.append("Preset ").append(m_preset).append(", seed ").append(getSeed()).append('\n');
        sb.append(m_model.config().describe()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Context: %d training instances carried for prediction (%d used for "
                        + "training, %d held out for validation), %d attributes%n",
                m_model.contextRowCount(), s.trainRows(), s.validationRows(), m_features.size()));
        sb.append(String.format(Locale.ROOT, "Parameters: %,d%n", s.parameterCount()));
        sb.append(String.format(Locale.ROOT, "Training: %d steps (%d epochs) in %.1f s on %s, %s%n",
                s.steps(), s.epochs(), s.trainingMillis() / 1000.0, s.device(), s.engine()));
        sb.append(String.format(Locale.ROOT, "Final training loss %.4f (class %.4f)%n", s.finalLoss(), s.finalTargetLoss()));
        if (s.validationRows() > 0) {
            sb.append(String.format(Locale.ROOT, "Best validation loss %.4f at step %d (weights kept from that step)%n",
                    s.bestValidationLoss(), s.bestStep()));
        }
        return sb.toString();
    }

    @Override
    public String getRevision() {
        return RevisionUtils.extract("$Revision: 1 $");
    }

    /**
     * Runs the classifier from the command line.
     *
     * @param args the command-line options
     */
    public static void main(String[] args) {
        runClassifier(new NonParametricTransformer(), args);
    }
}
