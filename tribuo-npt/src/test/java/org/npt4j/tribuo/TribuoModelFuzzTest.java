package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptInputException;
import org.npt4j.core.inference.ModelFuzzer;
import org.npt4j.core.inference.NptPredictionException;
import org.npt4j.tribuo.protos.NptTribuoModelProto;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * Saved Tribuo models from elsewhere cannot crash or exhaust the JVM: seeded mutations of the
 * fixture {@code classification-v1.tribuo} load, or are refused with an exception that says what
 * is wrong; never an {@link Error}, never a hang. Three layers: the whole file through Tribuo's
 * {@code Model.deserialize}; the serialized {@code NptTribuoModelProto} handed to {@link
 * NptTribuoModel#deserializeFromProto}; and the NPT model bytes inside it, repacked.
 */
class TribuoModelFuzzTest {

    private static final long SEED = 43_002L;
    /** Loaded models predicted from; loading already runs the weights through DJL, so a few suffice. */
    private static final int PREDICTED = 10;

    private static byte[] file;
    private static ModelProto saved;
    private static NptTribuoModelProto parts;
    private static List<Example<Label>> examples;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = TribuoModelFuzzTest.class.getResourceAsStream("/fixtures/classification-v1.tribuo")) {
            file = in.readAllBytes();
        }
        saved = ModelProto.parseFrom(file);
        parts = saved.getSerializedData().unpack(NptTribuoModelProto.class);
        examples = TribuoModelFixtures.classificationData().getData().subList(0, 4);
        // The unmutated file loads; this also starts the engine, which would otherwise time the first case.
        ((NptTribuoModel<?>) Model.deserialize(saved)).close();
    }

    @Test
    void mutatedFilesLoadOrAreRefusedClearly() {
        int[] predicted = {0};
        ModelFuzzer.Report report = new ModelFuzzer(file, ModelFuzzer.npt4jStructure(file)).run(SEED, 1000, data -> {
            Model<?> model = Model.deserialize(ModelProto.parseFrom(data));
            try (NptTribuoModel<?> npt = (NptTribuoModel<?>) model) {
                if (npt.validate(Label.class) && predicted[0]++ < PREDICTED) {
                    predictOrRefuseClearly(npt.castModel(Label.class));
                }
            }
        }, TribuoModelFuzzTest::clearThroughTribuo);
        System.out.println("Tribuo model file fuzzing: " + report);
        assertTrue(report.refused() > report.cases() / 2, "most mutations are refused: " + report);
    }

    @Test
    void mutatedNptMessagesLoadOrAreRefusedClearly() {
        byte[] message = parts.toByteArray();
        ModelFuzzer.Report report = new ModelFuzzer(message, ModelFuzzer.npt4jStructure(message)).run(SEED + 1, 500,
                data -> deserialize(Any.newBuilder().setTypeUrl(saved.getSerializedData().getTypeUrl())
                        .setValue(ByteString.copyFrom(data)).build()).close(),
                e -> e instanceof InvalidProtocolBufferException || clearFromNpt4j(e));
        System.out.println("NptTribuoModelProto fuzzing: " + report);
    }

    @Test
    void mutatedNptModelBytesAreRefusedAsInvalidProtobuf() {
        byte[] npt = parts.getNptModel().toByteArray();
        BitSet structure = ModelFuzzer.npt4jStructure(npt);
        ModelFuzzer.Report report = new ModelFuzzer(npt, structure).run(SEED + 2, 500,
                data -> deserialize(Any.pack(parts.toBuilder().setNptModel(ByteString.copyFrom(data)).build())).close(),
                TribuoModelFuzzTest::clearFromNpt4j);
        System.out.println("NPT model bytes in a Tribuo message fuzzing: " + report);
        assertTrue(report.refused() > report.cases() / 2, "most mutations are refused: " + report);
    }

    private static NptTribuoModel<?> deserialize(Any message) throws InvalidProtocolBufferException {
        return NptTribuoModel.deserializeFromProto(NptTribuoModel.CURRENT_VERSION, NptTribuoModel.class.getName(), message);
    }

    /** npt4j's part ends in Tribuo's convention, an IllegalStateException or IllegalArgumentException with a message. */
    private static boolean clearFromNpt4j(Exception e) {
        return (e instanceof IllegalStateException || e instanceof IllegalArgumentException) && noError(e);
    }

    /**
     * Through Tribuo: its protobuf parsing fails with InvalidProtocolBufferException, its class
     * lookup with IllegalStateException; what npt4j's deserializeFromProto throws arrives wrapped
     * in an InvocationTargetException, and must be clear itself.
     */
    private static boolean clearThroughTribuo(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvocationTargetException invoked) {
                Throwable target = invoked.getTargetException();
                return target instanceof Exception x && (x instanceof InvalidProtocolBufferException || clearFromNpt4j(x));
            }
        }
        return (e instanceof IOException || e instanceof IllegalStateException || e instanceof IllegalArgumentException)
                && noError(e);
    }

    private static boolean noError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error) {
                return false;
            }
        }
        return true;
    }

    private static void predictOrRefuseClearly(Model<Label> model) {
        try {
            model.predict(examples);
        } catch (NptInputException | NptPredictionException e) {
            // Changed weights may give NaN outputs, a renamed feature may not fit: fine, if said clearly.
        }
    }
}
