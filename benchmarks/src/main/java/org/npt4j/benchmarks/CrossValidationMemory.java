package org.npt4j.benchmarks;

import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.VALIDATION_FRACTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.inference.NptModel;
import org.npt4j.demo.BundledDatasets;
import org.npt4j.tribuo.NptClassificationTrainer;
import org.npt4j.tribuo.NptTribuoModel;
import org.npt4j.tribuo.TableDatasets;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.evaluation.KFoldSplitter;

/**
 * Native memory over a 10-fold cross-validation that keeps every fold's model, as Tribuo's
 * {@code CrossValidation} does: resident memory after each fold, with the models' idle release on
 * ({@code release}) and off ({@code keep}). Paper-size models (about 51M parameters, ~200 MB of
 * weights each) make the difference plain; two training steps per fold suffice, since memory, not
 * accuracy, is measured.
 *
 * <p>Usage: {@code CrossValidationMemory release|keep}
 */
public final class CrossValidationMemory {

    private CrossValidationMemory() {}

    public static void main(String[] args) {
        boolean release = args.length == 0 || !args[0].equals("keep");
        if (!release) {
            System.setProperty(NptModel.IDLE_RELEASE_PROPERTY, Long.toString(Long.MAX_VALUE / 2_000_000));
        } else {
            System.setProperty(NptModel.IDLE_RELEASE_PROPERTY, "1000");
        }
        MutableDataset<Label> data = TableDatasets.classification(BundledDatasets.breastCancer(),
                BundledDatasets.BREAST_CANCER_TARGET, "breast-cancer");
        NptConfig config = NptConfig.builder(Preset.PAPER).set(EMBEDDING_DIM, 32).set(STEPS, 2).set(VALIDATION_FRACTION, 0.0).build();
        NptClassificationTrainer trainer = new NptClassificationTrainer(config);
        List<Model<Label>> kept = new ArrayList<>();
        System.out.printf(Locale.ROOT, "mode=%s, idle release %s ms%n", release ? "release" : "keep",
                System.getProperty(NptModel.IDLE_RELEASE_PROPERTY));
        System.out.printf(Locale.ROOT, "fold,accuracy,rss_mb,heap_mb_after_gc,rss_minus_heap_mb,models_holding_native_memory%n");
        int fold = 0;
        java.util.Iterator<KFoldSplitter.TrainTestFold<Label>> folds = new KFoldSplitter<Label>(10, 1L).split(data, true);
        while (folds.hasNext()) {
            KFoldSplitter.TrainTestFold<Label> f = folds.next();
            NptTribuoModel<Label> model = trainer.train(f.train);
            double accuracy = new LabelEvaluator().evaluate(model, f.test).accuracy();
            kept.add(model);
            // Fold models keep their weights on the Java heap (as Tribuo's CrossValidation keeps the models):
            // heap after a collection separates that from native memory.
            System.gc();
            double heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024.0 * 1024.0);
            double rss = ProcessMemory.rssMb();
            long held = kept.stream().filter(m -> ((NptTribuoModel<Label>) m).holdsNativeMemory()).count();
            System.out.printf(Locale.ROOT, "%d,%.3f,%.0f,%.0f,%.0f,%d%n", ++fold, accuracy, rss, heap, rss - heap, held);
        }
        System.out.printf(Locale.ROOT, "peak_rss_mb,%.0f%n", ProcessMemory.peakRssMb());
    }
}
