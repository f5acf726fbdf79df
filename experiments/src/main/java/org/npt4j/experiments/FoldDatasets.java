package org.npt4j.experiments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.npt4j.core.table.CategoricalColumn;
import org.npt4j.core.table.Column;
import org.npt4j.core.table.NumericColumn;
import org.npt4j.core.table.Table;
import org.npt4j.experiments.protocol.Protocol;
import org.npt4j.experiments.protocol.Split;
import org.npt4j.experiments.score.Task;
import org.npt4j.tribuo.SemiSupervisedTrainer;
import org.npt4j.tribuo.TableDatasets;
import org.npt4j.tribuo.ValidatingTrainer;
import org.tribuo.Dataset;
import org.tribuo.Trainer;

/**
 * The Tribuo datasets of one split, and which of them each trainer gets under the protocol:
 *
 * <ul>
 *   <li>a {@link ValidatingTrainer} (NPT) learns from the training rows and gets the validation rows
 *       as its validation set; under a semi-supervised protocol a {@link SemiSupervisedTrainer} also
 *       gets the test rows with their outputs unknown, made from a copy of the table whose response
 *       cells are erased, so that no path leads from a test label to the trainer;</li>
 *   <li>any other trainer learns from the training rows, plus the validation rows where the protocol
 *       gives the baselines the same labelled rows as NPT.</li>
 * </ul>
 *
 * Every trainer is scored on the same test dataset. Datasets are built once per split, when first needed.
 */
final class FoldDatasets {

    /**
     * What a trainer learns from.
     *
     * @param examples the training dataset
     * @param validation the validation dataset, or null
     */
    record TrainingData(Dataset<?> examples, Dataset<?> validation) {}

    private final TableSource source;
    private final Split split;
    private final Protocol protocol;
    private final Map<String, Dataset<?>> made = new HashMap<>();

    /**
     * @param source the data: table, response and task
     * @param split the split
     * @param protocol the protocol, which says who gets which rows
     */
    FoldDatasets(TableSource source, Split split, Protocol protocol) {
        this.source = source;
        this.split = split;
        this.protocol = protocol;
    }

    /** @return the split these datasets are made from */
    Split split() {
        return split;
    }

    /** @return the rows every trainer is scored on */
    Dataset<?> test() {
        return labelled("test", split.test());
    }

    /**
     * @param trainer a trainer
     * @return what it learns from in this split
     */
    TrainingData forTrainer(Trainer<?> trainer) {
        if (trainer instanceof ValidatingTrainer<?>) {
            Dataset<?> validation = split.hasValidation() ? labelled("validation", split.validation()) : null;
            return new TrainingData(unlabelledTest(trainer) ? withUnlabelledTest() : labelled("train", split.train()), validation);
        }
        if (baselinesGetValidation()) {
            return new TrainingData(labelled("train+validation", concat(split.train(), split.validation())), null);
        }
        return new TrainingData(labelled("train", split.train()), null);
    }

    /**
     * @param trainer a trainer
     * @param protocol the protocol
     * @param hasValidation whether the splits have validation rows
     * @return what the trainer is given, in a few words, for the printed results
     */
    static String describe(Trainer<?> trainer, Protocol protocol, boolean hasValidation) {
        if (trainer instanceof ValidatingTrainer<?>) {
            return "learns from train" + (hasValidation ? ", picks its checkpoint on validation (also its context)"
                    : ", holds out its own validation rows") + (trainer instanceof SemiSupervisedTrainer<?> && protocol.semiSupervised()
                            ? ", sees the test rows' features unlabelled" : "")
                    + (protocol.jointTestPrediction() ? ", scores the test rows jointly" : "");
        }
        return hasValidation && protocol.baselinesTrainOnValidation() ? "learns from train + validation" : "learns from train";
    }

    private boolean unlabelledTest(Trainer<?> trainer) {
        return trainer instanceof SemiSupervisedTrainer<?> && protocol.semiSupervised();
    }

    private boolean baselinesGetValidation() {
        return split.hasValidation() && protocol.baselinesTrainOnValidation();
    }

    private Dataset<?> labelled(String part, int[] rows) {
        return made.computeIfAbsent(part, p -> dataset(source.table().selectRows(rows), p));
    }

    /** Training rows, then the test rows with their response erased: Tribuo's unknown output. */
    private Dataset<?> withUnlabelledTest() {
        return made.computeIfAbsent("train+unlabelled test", p -> {
            int[] rows = concat(split.train(), split.test());
            return dataset(withoutResponse(source.table().selectRows(rows), split.train().length), p);
        });
    }

    /** @return the table with the response cells of rows {@code from} onwards missing */
    private Table withoutResponse(Table t, int from) {
        String response = source.response();
        Table.Builder b = Table.builder();
        for (Column c : t.columns()) {
            if (!c.name().equals(response)) {
                b.add(c);
            } else if (c instanceof NumericColumn n) {
                b.numeric(response, IntStream.range(0, t.rowCount()).mapToDouble(i -> i < from ? n.get(i) : Double.NaN).toArray());
            } else {
                CategoricalColumn k = (CategoricalColumn) c;
                b.categorical(response, IntStream.range(0, t.rowCount()).mapToObj(i -> i < from ? k.get(i) : null).toArray(String[]::new));
            }
        }
        return b.build();
    }

    private Dataset<?> dataset(Table t, String part) {
        String name = source.file().getFileName() + " fold " + split.index() + " " + part;
        return source.task() == Task.CLASSIFICATION ? TableDatasets.classification(t, source.response(), name)
                : TableDatasets.regression(t, List.of(source.response()), name);
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }
}
