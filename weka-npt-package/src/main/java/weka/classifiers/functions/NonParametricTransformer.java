package weka.classifiers.functions;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import java.util.stream.IntStream;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Settings;
import org.npt4j.core.encoding.ColumnSpec;
import org.npt4j.core.inference.AttendedPredictions;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.Table;
import org.npt4j.core.training.NptTrainer;
import org.npt4j.core.training.TrainingSession;
import org.npt4j.core.training.TrainingState;
import org.npt4j.weka.AttendedInstance;
import org.npt4j.weka.AttendedRowsRelay;
import org.npt4j.weka.ContextClassLoader;
import org.npt4j.weka.ContextInstances;
import org.npt4j.weka.Fallback;
import org.npt4j.weka.InstancesTable;
import org.npt4j.weka.ModelStream;
import org.npt4j.weka.NptClassifierProperties;
import org.npt4j.weka.ProgressReporter;
import org.npt4j.weka.SettingOptions;
import org.npt4j.weka.WekaDistributions;
import weka.classifiers.IterativeClassifier;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;

/**
 * <!-- globalinfo-start -->
 * The Non-Parametric Transformer (NPT): a neural network that takes the whole data set as input
 * and lets instances attend to each other.
 * <!-- globalinfo-end -->
 *
 * <p>Every NPT setting is a property (generated from npt-core's settings into {@link
 * NptClassifierProperties}, with the label, description and group the GenericObjectEditor shows)
 * and a command-line option ({@link SettingOptions}); {@code -preset} first sets all of them to a
 * preset and the other options then change single settings.
 *
 * <p>Instance weights scale each training instance's loss, on its class and on its attribute values
 * alike ({@link WeightedInstancesHandler}): weight 2 counts about as much as a second copy of the
 * instance, and weight 0 leaves the instance out of the loss while it stays an input and part of
 * the context.
 *
 * <p>{@link #attendedRows(Instance, int)} tells which training instances a prediction leaned on
 * (the attention between datapoints); with {@code -attended-rows k}, the prediction output
 * {@link weka.classifiers.evaluation.output.prediction.NptAttendedRows} prints them under each
 * prediction.
 *
 * <p>A trained classifier carries its weights and its training instances (the context it attends
 * to) as bytes, so it serializes with Weka's "Save model" and {@code -d}, and predicts after
 * loading in a fresh JVM. The untrained classifier holds no native state and copies cheaply.
 * Every call into DJL runs with the thread context class loader switched to the package's own
 * class loader, so that the classifier works when loaded from an installed Weka package.
 */
public class NonParametricTransformer extends NptClassifierProperties
        implements TechnicalInformationHandler, LogHandler, WeightedInstancesHandler, IterativeClassifier {

    private static final long serialVersionUID = 1L;

    private SettingOptions m_settings = new SettingOptions();
    /** The fitted NPT; written as bytes by {@link #writeObject}. */
    private transient NptModel m_model;
    /** The attributes NPT uses, in column order (those with at least one training value). */
    private List<String> m_features;
    /** The training header, to map NPT's classes to the class attribute's values. */
    private Instances m_header;
    private Fallback m_fallback;
    private transient Logger m_log;
    /** -I: the step to train to; 0 for every planned step ({@code -steps}). */
    private int m_numIterations;
    /** -resume: keep what continuing needs after training. */
    private boolean m_resume;
    /** Where training stopped, kept when resume is on; written as bytes by {@link #writeObject}. */
    private transient TrainingState m_state;
    /** Whether the last training ended early (-patience), for {@link #toString()}. */
    private boolean m_stoppedEarly;
    /** The training in progress, between {@link #initializeClassifier} and {@link #done}. */
    private transient TrainingSession m_session;
    /** -attended-rows: how many attended training instances predictions report to NptAttendedRows. */
    private int m_attendedRows;
    /** Which training instance each context row of the model is; null for ZeroR or no model. */
    private ContextInstances m_context;
    /** The same for the training in progress, the model's once {@link #done} ends it. */
    private transient ContextInstances m_sessionContext;

    /** Creates the classifier with the CPU_QUICK preset. */
    public NonParametricTransformer() {
        setSeed(1);
    }

    @Override
    protected SettingOptions settings() {
        return m_settings;
    }

    /** @return a description of the classifier for the GUI */
    public String globalInfo() {
        return "The Non-Parametric Transformer (NPT) takes the whole data set as input: attention between "
                + "datapoints, where every instance attends to every other, alternates with attention between "
                + "attributes. Trained by masking attribute values and class labels at random, it learns to "
                + "predict an instance from the instances it resembles as well as from its own attributes. At "
                + "prediction time the training instances are the context each new instance attends to, so a "
                + "trained model carries them (like a nearest-neighbour method). Training instances with a missing "
                + "class are unlabelled rows: their attribute values take part in training (unlabelledRows). Missing values are handled "
                + "natively, without imputation. Instance weights scale each instance's share of the loss. The default preset CPU_QUICK is a small model "
                + "(600 steps in batches of 256 instances) for interactive use; CPU_FAST trains the same model for 1,500 steps "
                + "in batches of up to 1,024 instances (the preset of the project's comparisons with XGBoost) at two to seven times the cost; "
                + "PAPER is the paper's NPT-Base, best run on a GPU.\n\n"
                + "What a cross-validation costs: every fold trains a model of its own, and Weka trains one more on all "
                + "the data, so the Explorer's default 10-fold cross-validation trains 11 models. With the defaults, on "
                + "an idle two-core machine, a model of a 150-instance data set such as iris took about 15 s (the whole "
                + "10-fold run under 3 minutes, 96 % correct), and one of 1,000 instances and 15 attributes about 40 s. "
                + "CPU_FAST took about 30 s and 5 minutes for these. -steps trades accuracy for time; -patience N stops "
                + "once N validation passes in a row have not improved.\n\n"
                + "Training can be stopped part-way and continued (IterativeClassifier): -I trains up to a step, and with "
                + "-resume the Explorer's Continue iterating (or -continue-iterating) goes on from there, exactly as if "
                + "the training had not stopped.\n\n"
                + "Which training instances a prediction attended to most: the prediction output NptAttendedRows (Output "
                + "predictions in the Explorer, -classifications on the command line) prints them under each prediction, as "
                + "many as its -k or -attended-rows says.\n\n"
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
        for (Capability c : new Capability[] {Capability.NOMINAL_ATTRIBUTES, Capability.NUMERIC_ATTRIBUTES,
            Capability.DATE_ATTRIBUTES, Capability.MISSING_VALUES, Capability.NOMINAL_CLASS, Capability.NUMERIC_CLASS,
            Capability.DATE_CLASS, Capability.MISSING_CLASS_VALUES}) {
            result.enable(c);
        }
        result.setMinimumNumberInstances(0);
        return result;
    }

    // Options: the NPT settings' own, then Weka's (-S, -batch-size, ...).

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>(m_settings.listOptions());
        options.add(new Option("\t" + NUM_ITERATIONS_TIP + "\n\t(default 0)", "I", 1, "-I <steps>"));
        options.add(new Option("\t" + RESUME_TIP + "\n\t(default off)", "resume", 0, "-resume"));
        options.add(new Option("\t" + ATTENDED_ROWS_TIP + "\n\t(default 0)", "attended-rows", 1, "-attended-rows <k>"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(m_settings.getOptions());
        options.addAll(List.of("-I", Integer.toString(m_numIterations)));
        if (m_resume) {
            options.add("-resume");
        }
        if (m_attendedRows != 0) {
            options.addAll(List.of("-attended-rows", Integer.toString(m_attendedRows)));
        }
        Collections.addAll(options, super.getOptions());
        return options.toArray(new String[0]);
    }

    /** Settings not given take the values of the preset ({@code -preset}, by default CPU_QUICK). */
    @Override
    public void setOptions(String[] options) throws Exception {
        m_settings.setOptions(options);
        String iterations = Utils.getOption('I', options);
        setNumIterations(iterations.isEmpty() ? 0 : Integer.parseInt(iterations));
        setResume(Utils.getFlag("resume", options));
        String attended = Utils.getOption("attended-rows", options);
        setAttendedRows(attended.isEmpty() ? 0 : Integer.parseInt(attended));
        super.setOptions(options);
    }

    private static final String NUM_ITERATIONS_TIP = "Train up to this step, at most -steps; 0 trains every step of -steps. "
            + "The learning-rate and lambda schedules always run over -steps, so a model trained to step N with -resume "
            + "and then continued to a larger -I equals one trained to that step in one go.";
    private static final String RESUME_TIP = "Keep what continuing needs (weights, optimiser state, where training "
            + "stopped) after training, so that training can continue later (Explorer: Continue iterating; command line: "
            + "-l model -continue-iterating -I <steps>) up to -steps. A resumable model is about five times larger.";

    private static final String ATTENDED_ROWS_TIP = "How many training instances each prediction reports as the ones it "
            + "attended to most (attention between datapoints, averaged over layers and heads), for the prediction output "
            + "NptAttendedRows (Explorer: More options, Output predictions; command line: -classifications "
            + "weka.classifiers.evaluation.output.prediction.NptAttendedRows), which prints them under each prediction, "
            + "numbered from 1 as the training instances. 0 reports none, unless the output asks for some itself (its -k). "
            + "Predictions made without that output never compute them.";

    @OptionMetadata(displayName = "Attended training instances to report", description = ATTENDED_ROWS_TIP, displayOrder = 1002)
    public int getAttendedRows() {
        return m_attendedRows;
    }

    public void setAttendedRows(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("-attended-rows must be 0 (none) or a number of training instances, got " + k);
        }
        m_attendedRows = k;
    }

    @OptionMetadata(displayName = "Iterations (train to step)", description = NUM_ITERATIONS_TIP, displayOrder = 1000)
    public int getNumIterations() {
        return m_numIterations;
    }

    public void setNumIterations(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("-I must be 0 (every step of -steps) or a step count, got " + steps);
        }
        m_numIterations = steps;
    }

    @OptionMetadata(displayName = "Resume (can continue training)", description = RESUME_TIP, displayOrder = 1001)
    @Override
    public boolean getResume() {
        return m_resume;
    }

    @Override
    public void setResume(boolean resume) {
        m_resume = resume;
    }

    @OptionMetadata(displayName = "Preset (sets all below)",
            description = Preset.DESCRIPTION + " Choosing a preset sets every setting below to the preset's value, so choose it first.",
            displayOrder = 1)
    public Preset getPreset() {
        return m_settings.preset();
    }

    public void setPreset(Preset preset) {
        if (preset != m_settings.preset()) {
            m_settings.usePreset(preset);
        }
    }

    /** @return the NPT configuration of the current options and seed */
    NptConfig nptConfig() throws Exception {
        return m_settings.config(getSeed());
    }

    // Training

    /** Trains from step 0 to -I (or -steps): {@link #initializeClassifier}, all the steps at once, {@link #done}. */
    @Override
    public void buildClassifier(Instances data) throws Exception {
        discardSession();
        m_state = null;
        initializeClassifier(data);
        if (m_session != null) {
            advanceTo(targetStep());
        }
        done();
    }

    /**
     * Gets training ready: from step 0, or, when an earlier training kept its state (-resume), from
     * where that stopped, on the same data. Continuing keeps the settings the training started with;
     * of the current options only -I counts.
     */
    @Override
    public void initializeClassifier(Instances data) throws Exception {
        discardSession();
        getCapabilities().testWithFail(data);
        TrainingState from = m_state;
        NptConfig config = from != null ? from.config() : nptConfig();
        Instances labelled = new Instances(data);
        labelled.deleteWithMissingClass();
        int given = data.numInstances();
        Instances users = data;
        // Instances with a missing class are NPT's unlabelled rows, unless the configuration drops them.
        boolean keepUnlabelled = config.get(Settings.UNLABELLED_ROWS);
        int[] trainedToUsers = IntStream.range(0, given).filter(i -> keepUnlabelled || !users.instance(i).classIsMissing()).toArray();
        data = keepUnlabelled ? new Instances(data) : labelled;
        m_header = new Instances(data, 0);
        m_features = InstancesTable.usableFeatures(data);
        m_fallback = Fallback.ifNeeded(labelled, m_features);
        if (m_fallback != null) {
            m_model = null;
            m_state = null;
            m_context = null;
            return;
        }
        Table table = InstancesTable.of(data, columns(data)).withRowWeights(InstancesTable.weights(data));
        List<String> target = List.of(data.classAttribute().name());
        // Standard error only where a user watches it: Weka's command line, or on request (debug).
        PrintStream console = getDebug() || ProgressReporter.onWekasCommandLine() ? System.err : null;
        NptTrainer trainer = new NptTrainer(config, new ProgressReporter(m_log, console, getClass().getSimpleName()));
        m_session = ContextClassLoader.call(() -> from != null
                ? trainer.resume(from, table, target, null) : trainer.start(table, target, null));
        m_sessionContext = ContextInstances.of(data, trainedToUsers, m_session.contextSourceRows(), given);
        if (m_numIterations > m_session.plannedSteps()) {
            int planned = m_session.plannedSteps();
            discardSession();
            throw new WekaException("-I " + m_numIterations + " is beyond -steps " + planned + ", the length the learning-rate "
                    + "and lambda schedules were planned for when this training started. To train longer, build again with "
                    + "-steps " + m_numIterations + (from != null ? "." : " (and a smaller -I with -resume to stop part-way)."));
        }
    }

    /** @return the columns of NPT's table: the features it uses ({@link #m_features}), then the class */
    private List<String> columns(Instances data) {
        List<String> columns = new ArrayList<>(m_features);
        columns.add(data.classAttribute().name());
        return columns;
    }

    /**
     * A classifier whose model is an NPT trained outside Weka, attending to the given instances as
     * its training instances: for weights trained on a task that {@link #buildClassifier} cannot set
     * up, such as npt-core's lookup task, which draws a fresh table at every step so that only
     * looking rows up pays, and then asked through Weka which instances its predictions attended to.
     * The instances stand for the training data in everything that follows: the header predictions
     * must match, the numbering of {@link #attendedRows} and {@code NptAttendedRows}, serialization.
     * The options stay the defaults and describe nothing of the model.
     *
     * @param trained the trained NPT, unchanged (its weights are shared, its own context is not used)
     * @param context the instances the model attends to, each with a class value; their attributes
     *     other than the class, those with a value, must be the model's features in its column
     *     order, and the class its only target
     * @return the classifier, trained
     * @throws IllegalArgumentException if an instance has no class value or the attributes do not
     *     match the model's columns
     */
    static NonParametricTransformer withTrainedModel(NptModel trained, Instances context) {
        NonParametricTransformer npt = new NonParametricTransformer();
        int[] all = IntStream.range(0, context.numInstances()).toArray();
        if (IntStream.of(all).anyMatch(i -> context.instance(i).classIsMissing())) {
            throw new IllegalArgumentException("Every context instance needs a class value: the context holds labelled rows only");
        }
        npt.m_header = new Instances(context, 0);
        npt.m_features = InstancesTable.usableFeatures(context);
        List<String> columns = npt.columns(context);
        List<String> fitted = trained.schema().columns().stream().map(ColumnSpec::name).toList();
        if (!fitted.equals(columns) || !trained.schema().targetNames().equals(List.of(context.classAttribute().name()))) {
            throw new IllegalArgumentException("The instances' attributes with values, class last, are " + columns
                    + ", but the model's columns are " + fitted + " with targets " + trained.schema().targetNames());
        }
        npt.m_model = trained.withContext(InstancesTable.of(context, columns));
        npt.m_context = ContextInstances.of(context, all, all, all.length);
        return npt;
    }

    /** Trains one step; false once training has reached -I (or -steps), or stopped early. */
    @Override
    public boolean next() throws Exception {
        if (m_session == null || m_session.stepsDone() >= targetStep()) {
            return false;
        }
        int before = m_session.stepsDone();
        advanceTo(before + 1);
        // Early stopping (-patience) ends training before -I.
        return m_session.stepsDone() > before;
    }

    /**
     * Ends this round of training: the model keeps the weights with the best validation loss so far
     * (or the last ones), and with -resume on, what continuing needs is kept as well.
     */
    @Override
    public void done() throws Exception {
        if (m_session == null) {
            return;
        }
        try {
            m_state = m_resume ? ContextClassLoader.call(() -> m_session.state()) : null;
            m_stoppedEarly = m_session.stoppedEarly();
            NptModel trained = ContextClassLoader.call(() -> m_session.finish());
            if (m_model != null) {
                m_model.close();
            }
            m_model = trained;
            m_context = m_sessionContext;
        } finally {
            discardSession();
        }
    }

    /**
     * Trains up to a step. A failure or an interrupt (the Explorer's Stop button) ends the round and
     * frees its native memory; a state kept by an earlier round (-resume) stays, to continue from.
     */
    private void advanceTo(int step) throws Exception {
        try {
            ContextClassLoader.call(() -> {
                m_session.advanceTo(step);
                return null;
            });
        } catch (Exception | Error e) {
            discardSession();
            throw e;
        }
    }

    /** @return the step this round trains to */
    private int targetStep() {
        return m_numIterations == 0 ? m_session.plannedSteps() : m_numIterations;
    }

    private void discardSession() {
        if (m_session != null) {
            m_session.close();
            m_session = null;
        }
    }

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
     * Scores the instances against the training context, in chunks of the batch size. A
     * prediction does not depend on which other instances share its chunk.
     */
    @Override
    public double[][] distributionsForInstances(Instances instances) throws Exception {
        if (m_model == null && m_fallback == null) {
            throw new Exception("The classifier has not been trained");
        }
        String mismatch = m_header.equalHeadersMsg(instances);
        if (mismatch != null) {
            throw new WekaException("The instances do not match the training data: " + mismatch);
        }
        double[][] out = new double[instances.numInstances()][];
        if (m_fallback != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = m_fallback.distribution(instances.instance(i));
            }
            return out;
        }
        int k = m_context == null ? 0 : AttendedRowsRelay.rowsWanted(m_attendedRows);
        if (k > 0 && attentionBetweenDatapoints()) {
            List<List<AttendedInstance>> attended = new ArrayList<>();
            score(instances, out, k, attended);
            AttendedRowsRelay.publish(instances, attended, m_context);
        } else {
            score(instances, out, 0, null);
        }
        return out;
    }

    /**
     * Scores the instances in chunks of the batch size into {@code out}, and, when {@code attended}
     * is given, adds each instance's k most attended training instances to it.
     */
    private void score(Instances instances, double[][] out, int k, List<List<AttendedInstance>> attended) throws Exception {
        int chunk = Math.max(1, Integer.parseInt(getBatchSize()));
        for (int from = 0; from < out.length; from += chunk) {
            int to = Math.min(out.length, from + chunk);
            Table rows = InstancesTable.toPredict(new Instances(instances, from, to - from), m_features, m_model.schema());
            AttendedPredictions scored = ContextClassLoader.call(() -> attended == null
                    ? new AttendedPredictions(m_model.predict(rows), null) : m_model.predictWithAttention(rows));
            Predictions p = scored.predictions();
            for (int i = from; i < to; i++) {
                out[i] = WekaDistributions.of(p, i - from, m_header.classAttribute());
                if (attended != null) {
                    attended.add(m_context.top(scored.attention(), i - from, k));
                }
            }
        }
    }

    /**
     * The training instances the prediction for an instance attended to most. NPT predicts an
     * instance by attending to the training instances it carries as its context; the attention
     * between datapoints, averaged over its layers and heads, says how much each counted. The
     * context holds the training instances with a class value: those with a missing class
     * (unlabelled rows) are never attended to and never named.
     *
     * @param instance the instance to explain, with the training data's attributes
     * @param k how many training instances to return; fewer when the context is smaller
     * @return the most attended training instances, most attended first, each with its index in
     *     the training data given to {@link #buildClassifier}, counted from 0
     * @throws Exception if the classifier is not trained, fell back to ZeroR, has attention between
     *     datapoints turned off, or the instance does not match the training data
     */
    public List<AttendedInstance> attendedRows(Instance instance, int k) throws Exception {
        checkAttention(k);
        Instances one = new Instances(instance.dataset() != null ? instance.dataset() : m_header, 0);
        one.add(instance);
        return attendedRows(one, k).get(0);
    }

    /**
     * {@link #attendedRows(Instance, int)} for many instances at once, scored in chunks of the batch size.
     *
     * @param instances the instances to explain
     * @param k how many training instances to return per instance
     * @return per instance, in order, its most attended training instances, most attended first
     * @throws Exception as {@link #attendedRows(Instance, int)}
     */
    public List<List<AttendedInstance>> attendedRows(Instances instances, int k) throws Exception {
        checkAttention(k);
        String mismatch = m_header.equalHeadersMsg(instances);
        if (mismatch != null) {
            throw new WekaException("The instances do not match the training data: " + mismatch);
        }
        double[][] unused = new double[instances.numInstances()][];
        List<List<AttendedInstance>> attended = new ArrayList<>();
        score(instances, unused, k, attended);
        return attended;
    }

    /** Throws the reason why no training instance can be attended to, if there is one. */
    private void checkAttention(int k) throws WekaException {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        if (m_fallback != null) {
            throw new WekaException("The classifier fell back to ZeroR (" + m_fallback.reason() + "), which attends to no "
                    + "training instance");
        }
        if (m_model == null) {
            throw new WekaException("The classifier has not been trained");
        }
        if (m_context == null) {
            throw new WekaException("This model was saved by an npt4j version that did not record which training instances "
                    + "form its context; train it again to see the attended training instances");
        }
        if (!attentionBetweenDatapoints()) {
            throw new WekaException("Attention between datapoints is off (-no-" + Settings.ATTENTION_BETWEEN_DATAPOINTS.option()
                    + "): each instance attends only to itself, so no training instance is attended to");
        }
    }

    private boolean attentionBetweenDatapoints() {
        return m_model.config().get(Settings.ATTENTION_BETWEEN_DATAPOINTS);
    }

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
        ModelStream.write(out, m_model);
        out.writeObject(m_state == null ? null : m_state.toBytes());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        m_model = ModelStream.read(in);
        byte[] state = (byte[]) in.readObject();
        m_state = state == null ? null : TrainingState.fromBytes(state);
    }

    @Override
    public String toString() {
        if (m_fallback != null) {
            return m_fallback.toString();
        }
        if (m_model == null) {
            return "NonParametricTransformer: no model built yet.";
        }
        return "Non-Parametric Transformer\n==========================\n\n"
                + "Preset " + m_settings.preset() + ", seed " + getSeed() + "\n" + m_model.config().describe() + "\n\n"
                + String.format(Locale.ROOT, "Context: %d training instances carried for prediction, %d attributes%n",
                        m_model.contextRowCount(), m_features.size())
                + m_model.summary().describe() + "\n"
                + (m_stoppedEarly ? String.format(Locale.ROOT, "Stopped early after step %d of %d: more than %d validation "
                        + "passes in a row had not improved (-patience).%n", m_model.summary().steps(),
                        m_model.config().get(Settings.STEPS), m_model.config().get(Settings.PATIENCE)) : "")
                + (m_state == null ? "" : String.format(Locale.ROOT, "Resumable: training can continue from step %d up to "
                        + "step %d (-steps); Continue iterating, or -l with -continue-iterating and a larger -I.%n",
                        m_state.step(), m_state.config().get(Settings.STEPS)));
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
