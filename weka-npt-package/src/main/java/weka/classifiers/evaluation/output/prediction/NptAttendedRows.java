package weka.classifiers.evaluation.output.prediction;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import org.npt4j.weka.AttendedInstance;
import org.npt4j.weka.AttendedRowsRelay;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Option;
import weka.core.Utils;

/**
 * <!-- globalinfo-start -->
 * Prints the predictions as plain text, and under each the training instances that the
 * Non-Parametric Transformer's prediction attended to most.
 * <!-- globalinfo-end -->
 *
 * <p>Each prediction is the line {@link PlainText} prints, followed by a line such as
 * <pre>
 *           attended #12 (0.412, Iris-setosa), #40 (0.201, Iris-setosa)
 * </pre>
 * naming the training instances by their number in the training data, counted from 1 as Weka
 * counts instances, with the attention weight and the class value of each. {@code -k} sets how
 * many; 0 (the default) takes the classifier's {@code -attended-rows}. The classifier learns that
 * this output is printing through {@link AttendedRowsRelay}, as Weka's evaluation hands an output
 * the predicted distributions only.
 */
public class NptAttendedRows extends PlainText {

    private static final long serialVersionUID = 1L;

    /** Indents the attended line under the instance number (PlainText's first column is 9 wide). */
    private static final String INDENT = "          ";

    /** -k: how many attended instances per prediction; 0 for the classifier's -attended-rows. */
    private int m_AttendedRows;

    @Override
    public String globalInfo() {
        return "Prints the predictions as plain text (as PlainText does) and, under each, the training instances that "
                + "weka.classifiers.functions.NonParametricTransformer's prediction attended to most (attention between "
                + "datapoints, averaged over layers and heads), most attended first: their numbers in the training data, "
                + "counted from 1, with the attention weight and the class value of each. Training instances with a "
                + "missing class are not in the model's context, so none of them is ever named. In a cross-validation "
                + "the numbers are those of each fold's training data. k sets how many instances each prediction names; "
                + "0 takes the classifier's attendedRows (-attended-rows). Other classifiers name none.";
    }

    @Override
    public String getDisplay() {
        return "Plain text, with the training instances NPT attended to";
    }

    /** @return the tip text for the GUI */
    public String attendedRowsTipText() {
        return "How many attended training instances to print under each prediction; 0 takes the classifier's "
                + "attendedRows (-attended-rows).";
    }

    /** @return how many attended instances to print per prediction; 0 for the classifier's -attended-rows */
    public int getAttendedRows() {
        return m_AttendedRows;
    }

    /**
     * @param k how many attended instances to print per prediction; 0 for the classifier's -attended-rows
     * @throws IllegalArgumentException if {@code k} is negative
     */
    public void setAttendedRows(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("-k must be 0 (the classifier's -attended-rows) or a number of training "
                    + "instances, got " + k);
        }
        m_AttendedRows = k;
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>();
        options.add(new Option("\t" + attendedRowsTipText() + "\n\t(default: 0)", "k", 1, "-k <num>"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        String k = Utils.getOption('k', options);
        setAttendedRows(k.isEmpty() ? 0 : Integer.parseInt(k));
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        Vector<String> options = new Vector<>(List.of("-k", Integer.toString(m_AttendedRows)));
        Collections.addAll(options, super.getOptions());
        return options.toArray(new String[0]);
    }

    @Override
    protected void doPrintHeader() {
        super.doPrintHeader();
        append(INDENT + "attended: training instance #number (attention weight, class), most attended first\n");
        AttendedRowsRelay.open(m_AttendedRows);
    }

    @Override
    protected void doPrintClassification(double[] dist, Instance inst, int index) throws Exception {
        super.doPrintClassification(dist, inst, index);
        List<AttendedInstance> attended = AttendedRowsRelay.find(inst);
        if (attended != null && !attended.isEmpty()) {
            append(INDENT + "attended " + describe(attended) + "\n");
        }
    }

    private String describe(List<AttendedInstance> attended) {
        Attribute cls = m_Header.classAttribute();
        StringBuilder line = new StringBuilder();
        for (AttendedInstance a : attended) {
            if (line.length() > 0) {
                line.append(", ");
            }
            String value = cls.isNominal() ? cls.value((int) a.classValue())
                    : cls.isDate() ? cls.formatDate(a.classValue()) : Utils.doubleToString(a.classValue(), m_NumDecimals);
            line.append(String.format(Locale.ROOT, "#%d (%s, %s)", a.index() + 1, Utils.doubleToString(a.weight(), m_NumDecimals),
                    value));
        }
        return line.toString();
    }

    @Override
    protected void doPrintFooter() {
        super.doPrintFooter();
        AttendedRowsRelay.Summary summary = AttendedRowsRelay.close();
        if (!summary.published()) {
            append("\nNo attended training instances were reported: they come from "
                    + "weka.classifiers.functions.NonParametricTransformer (with attention between datapoints on) when this "
                    + "output's -k or the classifier's -attended-rows is above 0.\n");
        } else if (summary.contextSize() < summary.trainingCount()) {
            int left = summary.trainingCount() - summary.contextSize();
            append(String.format(Locale.ROOT, "%nThe model's context holds %d of its %d training instances: the %d with a "
                    + "missing class are not in it, and no prediction attends to them.%n", summary.contextSize(),
                    summary.trainingCount(), left));
        }
    }
}
