package org.npt4j.tribuo;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.npt4j.core.NptInputException;
import org.npt4j.core.Settings;
import org.npt4j.core.inference.AttendedPredictions;
import org.npt4j.core.inference.AttentionMaps;
import org.npt4j.core.inference.ColumnImportances;
import org.npt4j.core.inference.NptModel;
import org.npt4j.core.inference.PermutationImportance;
import org.npt4j.core.inference.Predictions;
import org.npt4j.core.table.Table;
import org.npt4j.core.inference.TrainingSummary;
import org.npt4j.tribuo.protos.NptTribuoModelProto;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A trained Non-Parametric Transformer as a Tribuo {@link Model}. It carries its training rows:
 * every prediction attends to them, so batches of examples are scored together against that
 * context ({@link #predict(Iterable)}), in passes of the configured prediction batch size.
 *
 * <p>Beyond Tribuo's usual API, {@link #explain(Example, int)} tells which training rows a
 * prediction leaned on, and {@link #impute(Dataset)} fills the missing features of examples.
 * {@link #getTopFeatures(int)} ranks the features by permutation importance on
 * the training rows (computed on each call: it costs a prediction over up to 1,000 training rows
 * per feature column). {@link #getExcuse} is empty, as for Tribuo's other deep models.
 *
 * <p><b>Native memory.</b> The weights live on the Java heap as bytes. The first prediction loads
 * them into native memory and keeps them there for later calls; {@link #close()} frees it (a later
 * prediction loads them again), and an unreachable model is freed by a cleaner. So a 10-fold
 * cross-validation holds native memory only for the models it is using; close models you are
 * done with for deterministic release. Immutable, and {@code predict} is safe to call from many
 * threads at once.
 *
 * <p><b>Serialization.</b> Both of Tribuo 4.3's forms: protobuf ({@link #serialize()}, preferred)
 * and Java serialization, each holding the weights and context rows as bytes.
 *
 * @param <T> the output type: {@code Label} or {@code Regressor}
 */
public final class NptTribuoModel<T extends Output<T>> extends Model<T> implements AutoCloseable {

    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    private final FeatureLayout layout;
    private final OutputColumns<T> outputs;
    /** The prefix of the core model's target column names, which no Tribuo feature name can be mistaken for. */
    public static final String TARGET_PREFIX = OutputColumns.PREFIX;

    private transient NptModel npt;

    NptTribuoModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<T> outputInfo, FeatureLayout layout, NptModel npt) {
        super(name, provenance, featureMap, outputInfo, OutputColumns.forDomain(outputInfo).generatesProbabilities());
        this.layout = layout;
        this.outputs = OutputColumns.forDomain(outputInfo);
        this.npt = npt;
    }

    /**
     * @return the NPT inside, as a core model of its own that shares no native memory with this one: for
     *     tools that score without Tribuo (the spark-npt module's batch scorer). Its feature columns are
     *     {@link #featureLayout()}'s; its target columns are named {@value #TARGET_PREFIX} for a label and
     *     {@value #TARGET_PREFIX}{@code :<dimension>} for each dimension of a regressor
     */
    public NptModel coreModel() {
        return npt.copy();
    }

    /** @return how Tribuo features map to NPT's columns */
    public FeatureLayout featureLayout() {
        return layout;
    }

    /** @return the training summary: steps, losses, device, time taken */
    public TrainingSummary trainingSummary() {
        return npt.summary();
    }

    /** @return the number of training rows the model carries as context */
    public int contextSize() {
        return npt.contextRowCount();
    }

    /** @return true while the weights are loaded in native memory; see the class comment */
    public boolean holdsNativeMemory() {
        return npt.holdsNativeMemory();
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        return innerPredict(List.of(example)).get(0);
    }

    /**
     * Scores the examples together against the stored training rows, in passes of at most the
     * configured prediction batch size.
     */
    @Override
    protected List<Prediction<T>> innerPredict(Iterable<Example<T>> examples) {
        int chunkSize = npt.config().get(Settings.PREDICTION_BATCH_SIZE);
        List<Prediction<T>> out = new ArrayList<>();
        List<Example<T>> chunk = new ArrayList<>(chunkSize);
        for (Example<T> example : examples) {
            chunk.add(example);
            if (chunk.size() == chunkSize) {
                out.addAll(predictChunk(chunk));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            out.addAll(predictChunk(chunk));
        }
        return out;
    }

    /**
     * Scores the examples together in one pass in which they attend to one another as well as to
     * the training rows: the reference's evaluation of its test rows, for reproducing the paper's
     * semi-supervised protocol ({@link NptModel#predictJointly}). Unlike {@link #predict(Iterable)},
     * a prediction then depends on the other examples passed with it.
     *
     * @param examples the examples, all scored at once
     * @return one prediction per example, in order
     */
    public List<Prediction<T>> predictJointly(Iterable<Example<T>> examples) {
        List<Example<T>> all = new ArrayList<>();
        examples.forEach(all::add);
        return predictChunk(all, true);
    }

    private List<Prediction<T>> predictChunk(List<Example<T>> examples) {
        return predictChunk(examples, false);
    }

    private List<Prediction<T>> predictChunk(List<Example<T>> examples, boolean jointly) {
        int[] used = new int[examples.size()];
        for (int i = 0; i < used.length; i++) {
            used[i] = knownFeatures(examples.get(i));
        }
        Predictions predictions = jointly ? npt.predictJointly(table(examples)) : score(examples);
        List<Prediction<T>> out = new ArrayList<>(used.length);
        for (int i = 0; i < used.length; i++) {
            out.add(outputs.prediction(predictions, i, used[i], examples.get(i)));
        }
        return out;
    }

    private Predictions score(List<Example<T>> examples) {
        return npt.predict(table(examples));
    }

    private Table table(List<Example<T>> examples) {
        Table.Builder table = Table.builder();
        layout.addColumns(table, examples);
        return table.build();
    }

    private int knownFeatures(Example<T> example) {
        int n = 0;
        for (Feature f : example) {
            if (featureIDMap.getID(f.getName()) >= 0) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("No features found in Example " + example);
        }
        return n;
    }

    /**
     * Fills the missing feature cells of a dataset's examples, each example scored against the
     * training rows the model carries as NPT's {@link NptModel#impute} scores a row. Which cells are
     * missing is decided as in training, by the trainer's settings this model keeps in its {@link
     * #featureLayout()}:
     * <ul>
     *   <li>a numeric feature with value NaN is missing; a numeric feature absent from an example is
     *       missing only when the trainer was told {@code absentFeaturesAreMissing}, and otherwise
     *       is 0 (Tribuo's sparse convention) and is left absent;</li>
     *   <li>a categorical column regrouped from one-hot features {@code column@value} ({@code
     *       categoricalSeparator}) is missing when none of its features is present with a value
     *       other than 0, and is filled with the feature of its most probable category, value 1. An
     *       example holding two of its categories, or a category the model does not know, keeps
     *       its features as they are.</li>
     * </ul>
     * Features the model does not know are kept as they are, as are outputs, weights and metadata;
     * the outputs play no part in the imputation. The dataset is not changed.
     *
     * @param dataset the examples to fill
     * @return copies of the examples with the imputed features added, the new dataset ({@link
     *     ImputedExamples#dataset()}) and the predicted distribution of each filled cell
     */
    public ImputedExamples<T> impute(Dataset<T> dataset) {
        return impute(dataset.getData(), dataset);
    }

    /**
     * Fills the missing feature cells of the examples, as {@link #impute(Dataset)} does.
     *
     * @param examples the examples to fill; not changed
     * @return copies of the examples with the imputed features added, and the predicted distribution of each filled cell
     */
    public ImputedExamples<T> impute(Iterable<Example<T>> examples) {
        List<Example<T>> all = new ArrayList<>();
        examples.forEach(all::add);
        return impute(all, null);
    }

    private ImputedExamples<T> impute(List<Example<T>> examples, Dataset<T> source) {
        return ImputedExamples.of(examples, npt.impute(table(examples)), layout, source);
    }

    /**
     * The k training rows the prediction for {@code example} attended to most, with the attention
     * between datapoints averaged over heads and over the ABD layers.
     *
     * @param example the example to explain
     * @param k how many training rows to return (at most the context size)
     * @return the prediction and its most attended training rows, most attended first
     * @throws IllegalArgumentException if k is not positive or the example shares no feature with the model
     */
    public NeighbourExplanation<T> explain(Example<T> example, int k) {
        return explain(example, k, -1);
    }

    /**
     * Like {@link #explain(Example, int)}, for one ABD layer only (averaged over its heads).
     *
     * @param example the example to explain
     * @param k how many training rows to return (at most the context size)
     * @param layer the ABD layer, from 0 (nearest the input); -1 averages over all of them
     * @return the prediction and its most attended training rows, most attended first
     */
    public NeighbourExplanation<T> explain(Example<T> example, int k, int layer) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, found " + k);
        }
        int used = knownFeatures(example);
        AttendedPredictions scored = npt.predictWithAttention(table(List.of(example)));
        Prediction<T> prediction = outputs.prediction(scored.predictions(), 0, used, example);
        AttentionMaps maps = scored.attention();
        if (layer < -1 || layer >= maps.layers()) {
            throw new IllegalArgumentException("layer must be -1 or in [0, " + maps.layers() + "), found " + layer);
        }
        double[] weights = layer == -1 ? maps.meanOverLayersAndHeads(0) : maps.meanOverHeads(0, layer);
        Table context = npt.contextRows();
        List<AttendedRow<T>> rows = new ArrayList<>();
        for (int index : AttentionMaps.topK(weights, Math.min(k, weights.length))) {
            Example<T> row = new ArrayExample<>(outputs.output(context, index), layout.featuresOf(context, index));
            rows.add(new AttendedRow<>(index, weights[index], row));
        }
        return new NeighbourExplanation<>(example, prediction, rows);
    }

    /**
     * The features ranked by permutation importance on the model's own training rows ({@link
     * PermutationImportance}, where the method, its cost and its caveats are described): up to
     * {@value PermutationImportance#DEFAULT_ROWS} training rows are scored against the stored context
     * as they are and with each column's values shuffled among them, and a feature's importance is
     * how much the target loss rises (the mean negative log-probability of the true label, or the
     * mean squared error over the variance of each regression dimension, averaged over dimensions).
     * The rows and shuffles are drawn with a fixed seed, so every call gives the same answer;
     * nothing is cached, and each call costs (feature columns + 1) predictions over those rows.
     *
     * <p>The scores are in-sample: they tell what this model relies on, not what generalises (and
     * with {@code targetMaskProbability} below 1, where a training row can find its own label in the
     * context, shuffling any feature that identifies rows breaks that lookup and counts too). A
     * categorical column regrouped from one-hot features ({@link FeatureLayout}) is shuffled as one
     * column, so each of its features gets that column's importance.
     *
     * @param n how many features to return; negative for all of them
     * @return one entry, under {@link Model#ALL_OUTPUTS}: (feature name, importance) pairs, most
     *     important first
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return getTopFeatures(n, PermutationImportance.DEFAULT_ROWS, PermutationImportance.DEFAULT_SEED);
    }

    /**
     * Like {@link #getTopFeatures(int)}, with the number of training rows scored and the seed chosen.
     *
     * @param n how many features to return; negative for all of them
     * @param rows how many training rows to score (all of them, if fewer): more give steadier
     *     numbers at proportionally more cost
     * @param seed the seed for the rows drawn and every column's shuffle
     * @return one entry, under {@link Model#ALL_OUTPUTS}: (feature name, importance) pairs, most
     *     important first
     * @throws IllegalArgumentException if {@code rows} is not positive
     */
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n, int rows, long seed) {
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be positive, found " + rows);
        }
        List<Pair<String, Double>> ranked = new ArrayList<>();
        if (n != 0) { // nothing to rank is no reason to pay for (columns + 1) predictions
            for (ColumnImportances.Entry column : PermutationImportance.of(npt, rows, seed).ranked()) {
                for (String feature : layout.featuresIn(column.column())) {
                    ranked.add(new Pair<>(feature, column.importance()));
                }
            }
        }
        if (n >= 0 && ranked.size() > n) {
            ranked = new ArrayList<>(ranked.subList(0, n));
        }
        // Mutable, as Tribuo's own models return it.
        Map<String, List<Pair<String, Double>>> out = new HashMap<>();
        out.put(ALL_OUTPUTS, ranked);
        return out;
    }

    /** @return empty; see {@link #explain} */
    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }

    @Override
    protected NptTribuoModel<T> copy(String newName, ModelProvenance newProvenance) {
        // A fresh NptModel over the same immutable parts: the copy never shares native handles.
        NptModel copy = npt.copy();
        return new NptTribuoModel<>(newName, newProvenance, featureIDMap, outputIDInfo, layout, copy);
    }

    /** Frees the native memory of the loaded weights; the model stays usable and reloads them when needed. */
    @Override
    public void close() {
        npt.close();
    }

    @Override
    public ModelProto serialize() {
        NptTribuoModelProto data = NptTribuoModelProto.newBuilder()
                .setMetadata(createDataCarrier().serialize())
                .setNptModel(ByteString.copyFrom(npt.toBytes()))
                .setFeatureLayout(layout.toProto())
                .build();
        return ModelProto.newBuilder()
                .setVersion(CURRENT_VERSION)
                .setClassName(NptTribuoModel.class.getName())
                .setSerializedData(Any.pack(data))
                .build();
    }

    /**
     * Protobuf deserialization, found by Tribuo's {@code ProtoUtil} from the class name. Model files
     * may come from anywhere: every part is checked as it loads (the NPT model as {@link
     * NptModel#fromBytes} does, weights included) and against the others, and whatever is wrong
     * ends in one of the exceptions below, with a message saying what.
     *
     * @param version the serialized version
     * @param className the class name
     * @param message the serialized data
     * @return the model
     * @throws InvalidProtocolBufferException if the message is not an NPT model
     * @throws IllegalArgumentException if the version is newer than this class reads
     * @throws IllegalStateException if a part of the message does not load, or the parts do not fit together
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static NptTribuoModel<?> deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version "
                    + CURRENT_VERSION);
        }
        NptTribuoModelProto proto = message.unpack(NptTribuoModelProto.class);
        ModelDataCarrier<?> carrier;
        OutputColumns<?> outputs;
        try {
            carrier = ModelDataCarrier.deserialize(proto.getMetadata());
            outputs = OutputColumns.forDomain((ImmutableOutputInfo) carrier.outputDomain());
        } catch (RuntimeException e) {
            // Tribuo's own parts (provenance, domains) of a corrupt message fail in many ways; say which part.
            throw new IllegalStateException("Invalid protobuf: the model's name, provenance or domains do not load: "
                    + e, e);
        }
        NptModel npt;
        try {
            npt = NptModel.fromBytes(proto.getNptModel().toByteArray());
        } catch (NptInputException e) {
            throw new IllegalStateException("Invalid protobuf: the NPT model bytes do not load: " + e.getMessage(), e);
        }
        FeatureLayout layout = FeatureLayout.fromProto(proto.getFeatureLayout());
        SavedPartsCheck.check(npt, layout, outputs);
        return new NptTribuoModel(carrier.name(), carrier.provenance(), carrier.featureDomain(), carrier.outputDomain(),
                layout, npt);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(npt.toBytes());
    }

    /**
     * Java deserialization, checked as {@link #deserializeFromProto} is. Reading a stream from
     * elsewhere also needs an allow-list of classes on the stream: {@link SerialFilter#PATTERN}.
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (!(in.readObject() instanceof byte[] bytes) || layout == null || outputs == null) {
            throw new InvalidObjectException("Invalid serialized NptTribuoModel: its NPT model bytes, feature layout "
                    + "or outputs are missing");
        }
        try {
            npt = NptModel.fromBytes(bytes);
        } catch (NptInputException e) {
            throw invalid("the NPT model bytes do not load: ", e);
        }
        try {
            SavedPartsCheck.check(npt, layout, outputs);
        } catch (IllegalStateException e) {
            throw invalid("", e);
        }
    }

    private static InvalidObjectException invalid(String what, RuntimeException cause) {
        InvalidObjectException e = new InvalidObjectException("Invalid serialized NptTribuoModel: " + what
                + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    @Override
    public String toString() {
        TrainingSummary s = npt.summary();
        return String.format("NptTribuoModel(name=%s, outputs=%s, %d context rows, %d columns %s, %d parameters, "
                        + "%d steps (best %d), validation loss %.4f, trained on %s in %.1f s)",
                name, outputs.targetNames(), npt.contextRowCount(), layout.columnNames().size(), layout,
                s.parameterCount(), s.steps(), s.bestStep(), s.bestValidationLoss(), s.device(), s.trainingMillis() / 1000.0);
    }
}
