package weka.filters.unsupervised.attribute;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Settings;
import org.npt4j.core.inference.ImputedCategory;
import org.npt4j.core.inference.ImputedCell;
import org.npt4j.core.inference.ImputedValue;
import org.npt4j.core.inference.Imputation;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.table.Table;
import org.npt4j.weka.ContextClassLoader;
import org.npt4j.weka.InstancesTable;
import org.npt4j.weka.ModelStream;
import org.npt4j.weka.NptFilterProperties;
import org.npt4j.weka.ProgressReporter;
import org.npt4j.weka.SettingOptions;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Replaces missing values with a Non-Parametric Transformer's reconstructions: on the first batch
 * it trains an NPT on the data with no target (every attribute is an input, and it learns to
 * reconstruct masked values of each from the rest of the instance and from other instances), then
 * fills each missing nominal or numeric value from that model, with the first batch as the context.
 * Later batches (a test set, the instances of a FilteredClassifier's predictions) are filled by the
 * same model against the same context, one instance at a time, so an instance's values never depend
 * on which others are filtered with it. String, date and relational attributes pass through. The class attribute, if set, is treated like any other, as
 * {@link ReplaceMissingValues} treats it. Given values are never changed.
 *
 * <p>The NPT settings are the classifier's ({@code NonParametricTransformer}): the same options,
 * defaults (the CPU_QUICK preset) and GUI properties, from one definition in npt-core. Instance
 * weights scale each instance's share of the training loss.
 */
public class NptImputer extends NptFilterProperties implements UnsupervisedFilter, Randomizable, WeightedInstancesHandler {

    private static final long serialVersionUID = 1L;

    private final SettingOptions m_settings = new SettingOptions();
    private int m_seed = 1;
    /** The attributes the model knows, in column order: those with at least one value in the first batch. */
    private List<String> m_columns = List.of();
    /** Fitted on the first batch; written as bytes by {@link #writeObject}. */
    private transient NptModel m_model;

    @Override
    protected SettingOptions settings() {
        return m_settings;
    }

    /** @return a description of the filter for the GUI */
    @Override
    public String globalInfo() {
        return "Replaces missing values of nominal and numeric attributes (others pass through) with the reconstructions of a Non-Parametric "
                + "Transformer (NPT) trained on the first batch of data without a target. NPT learns to predict a masked "
                + "value from the rest of its instance and from the other instances it resembles, so it can use "
                + "relations between attributes and between instances that mean or mode imputation cannot. Later "
                + "batches are filled by the same model, with the first batch as context, each instance on its own. The "
                + "class attribute is treated like any other; values that are given are never changed. The NPT options "
                + "and defaults are those of the NonParametricTransformer classifier (preset CPU_QUICK: a model of a few "
                + "hundred instances trains in seconds to a minute on two cores).";
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        // String, date and relational attributes pass through untouched, as ReplaceMissingValues leaves them.
        result.enableAllAttributes();
        result.enable(Capabilities.Capability.MISSING_VALUES);
        result.enableAllClasses();
        result.enable(Capabilities.Capability.MISSING_CLASS_VALUES);
        result.enable(Capabilities.Capability.NO_CLASS);
        return result;
    }

    @Override
    protected Instances determineOutputFormat(Instances inputFormat) {
        return new Instances(inputFormat, 0);
    }

    @Override
    protected Instances process(Instances instances) throws Exception {
        if (!isFirstBatchDone()) {
            fit(instances);
        }
        Instances out = new Instances(instances);
        if (m_model == null || out.numInstances() == 0) {
            return out;
        }
        Table rows = InstancesTable.toPredict(out, m_columns, m_model.schema());
        Imputation imputation = ContextClassLoader.call(() -> m_model.impute(rows));
        for (ImputedCell cell : imputation.cells()) {
            Instance instance = out.instance(cell.row());
            Attribute attribute = out.attribute(cell.column());
            // A nominal value the model never saw reaches it as missing; the instance has it, so it stays.
            if (!instance.isMissing(attribute)) {
                continue;
            }
            instance.setValue(attribute, value(attribute, cell));
        }
        return out;
    }

    private void fit(Instances instances) throws Exception {
        closeModel();
        List<String> columns = InstancesTable.withValues(instances, NptImputer::imputable);
        m_columns = List.copyOf(columns);
        // Nothing to learn from: no instances, or no attribute with a value; the data passes through.
        if (columns.isEmpty()) {
            return;
        }
        NptConfig config = m_settings.config(m_seed);
        Table table = InstancesTable.of(instances, columns).withRowWeights(InstancesTable.weights(instances));
        PrintStream console = getDebug() || ProgressReporter.onWekasCommandLine() ? System.err : null;
        org.npt4j.core.training.NptImputer imputer = new org.npt4j.core.training.NptImputer(config, new ProgressReporter(null, console, getClass().getSimpleName()));
        m_model = ContextClassLoader.call(() -> imputer.fit(table));
    }

    /** @return whether NPT models the attribute: nominal or numeric (a date is numeric to Weka, but not a number to impute) */
    private static boolean imputable(Attribute attribute) {
        return attribute.isNominal() || attribute.type() == Attribute.NUMERIC;
    }

    /** @return the cell's value as Weka stores it: a nominal value's index, or the number */
    private static double value(Attribute attribute, ImputedCell cell) {
        if (cell instanceof ImputedCategory category) {
            int index = attribute.indexOfValue(category.label());
            if (index < 0) {
                throw new IllegalStateException("Imputed value '" + category.label() + "' is not a value of attribute '"
                        + attribute.name() + "'");
            }
            return index;
        }
        return ((ImputedValue) cell).value();
    }

    // Options: the NPT settings' own, then -S and the filter's.

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>(m_settings.listOptions());
        options.add(new Option("\tRandom number seed.\n\t(default 1)", "S", 1, "-S <num>"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(m_settings.getOptions());
        options.addAll(List.of("-S", Integer.toString(m_seed)));
        Collections.addAll(options, super.getOptions());
        return options.toArray(new String[0]);
    }

    /** Settings not given take the values of the preset ({@code -preset}, by default CPU_QUICK). */
    @Override
    public void setOptions(String[] options) throws Exception {
        m_settings.setOptions(options);
        String seed = Utils.getOption('S', options);
        setSeed(seed.isEmpty() ? 1 : Integer.parseInt(seed));
        super.setOptions(options);
    }

    @Override
    public void setSeed(int seed) {
        m_seed = seed;
    }

    @Override
    public int getSeed() {
        return m_seed;
    }

    /** @return the tip for the GUI */
    public String seedTipText() {
        return "The random number seed of the NPT's training.";
    }

    /** @return the NPT configuration the filter trains with */
    public NptConfig nptConfig() throws Exception {
        return m_settings.config(m_seed);
    }

    private void closeModel() {
        if (m_model != null) {
            m_model.close();
            m_model = null;
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        ModelStream.write(out, m_model);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        m_model = ModelStream.read(in);
    }

    /**
     * Runs the filter from the command line.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        runFilter(new NptImputer(), args);
    }
}
