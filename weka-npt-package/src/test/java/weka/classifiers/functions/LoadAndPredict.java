package weka.classifiers.functions;

import weka.core.BatchPredictor;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ConverterUtils.DataSource;

/** Loads a saved classifier and prints its class distributions for a data set (run in a child JVM). */
public final class LoadAndPredict {

    private LoadAndPredict() {}

    static String predictions(BatchPredictor classifier, Instances data) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (double[] dist : classifier.distributionsForInstances(data)) {
            for (double p : dist) {
                sb.append(Double.toHexString(p)).append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * @param args the model file and an ARFF file whose last attribute is the class
     * @throws Exception if loading or predicting fails
     */
    public static void main(String[] args) throws Exception {
        BatchPredictor classifier = (BatchPredictor) SerializationHelper.read(args[0]);
        Instances data = DataSource.read(args[1]);
        data.setClassIndex(data.numAttributes() - 1);
        System.out.print(predictions(classifier, data));
    }
}
