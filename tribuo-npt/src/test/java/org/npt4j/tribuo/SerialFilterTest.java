package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.inference.ModelFuzzer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Java-serialized models read back through {@link SerialFilter#PATTERN}, and nothing else does;
 * a serialized model whose NPT bytes are corrupt is refused as an invalid object.
 */
class SerialFilterTest {

    /** One classifier and one regressor, trained once for every test, and the classifier's data. */
    private record Trained(MutableDataset<Label> classes, NptTribuoModel<Label> classifier, NptTribuoModel<Regressor> regressor) {

        static Trained tiny() {
            var tiny = TribuoFixtures.tiny().set(STEPS, 2).build();
            MutableDataset<Label> classes = TribuoModelFixtures.classificationData();
            return new Trained(classes, new NptClassificationTrainer(tiny).train(classes),
                    new NptRegressionTrainer(tiny).train(TribuoFixtures.bostonTwoDimensions(30)));
        }
    }

    private static Trained trained;

    @BeforeAll
    static void train() {
        trained = Trained.tiny();
    }

    private static byte[] serialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object readFiltered(byte[] data) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(SerialFilter.PATTERN));
            return in.readObject();
        }
    }

    @Test
    void trainedModelsReadBackThroughTheFilterAndPredictAsBefore() throws Exception {
        NptTribuoModel<?> read = assertInstanceOf(NptTribuoModel.class, readFiltered(serialized(trained.classifier())));
        Model<Label> copy = read.castModel(Label.class);
        Label before = trained.classifier().predict(trained.classes().getExample(0)).getOutput();
        Label after = copy.predict(trained.classes().getExample(0)).getOutput();
        assertEquals(before.getLabel(), after.getLabel());
        assertEquals(before.getScore(), after.getScore(), 1e-6);
        read.close();
        assertInstanceOf(NptTribuoModel.class, readFiltered(serialized(trained.regressor()))).close();
    }

    @Test
    void foreignClassesAreRefused() throws IOException {
        assertThrows(InvalidClassException.class, () -> readFiltered(serialized(new ConcurrentSkipListMap<>(Map.of("a", 1)))));
        assertThrows(InvalidClassException.class, () -> readFiltered(serialized(new Foreign())));
        // Hidden beside a model, in a collection the filter allows.
        assertThrows(InvalidClassException.class, () -> readFiltered(serialized(List.of(trained.classifier(), new Foreign()))));
    }

    @Test
    void aModelWithCorruptNptBytesIsAnInvalidObject() throws IOException {
        byte[] data = serialized(trained.classifier());
        int at = ModelFuzzer.indexOf(data, "NPT4J-MODEL");
        ByteBuffer.wrap(data).putInt(at + "NPT4J-MODEL".length() + 4, Integer.MAX_VALUE);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> readFiltered(data));
        assertTrue(e.getMessage().contains("settings 2147483647 exceed the"), e.getMessage());
    }

    /** A class of the test: serializable, and on no allow-list. */
    private static final class Foreign implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
