package org.npt4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.STEPS;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * getTopFeatures follows Tribuo's convention (one entry under ALL_OUTPUTS, at most n pairs, most
 * important first, Tribuo feature names) and puts the feature the label depends on first, above
 * numeric noise and a one-hot noise group.
 */
class TopFeaturesTest {

    private static final List<String> COLOURS = List.of("colour@blue", "colour@green", "colour@red");

    private static MutableDataset<Label> data;
    private static NptTribuoModel<Label> model;

    /** The label is the sign of x1; noise1, noise2 and the colour (one-hot, as Tribuo's loaders write it) are noise. */
    private static MutableDataset<Label> signOfX1(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x1 = r.nextDouble(-1, 1);
            List<Feature> features = List.of(new Feature("x1", x1), new Feature("noise1", r.nextDouble(-1, 1)),
                    new Feature("noise2", r.nextDouble(-1, 1)), new Feature(COLOURS.get(r.nextInt(3)), 1.0));
            examples.add(new ArrayExample<>(new Label(x1 > 0 ? "positive" : "negative"), features));
        }
        return TribuoFixtures.dataset(examples, new LabelFactory(), "sign-of-x1");
    }

    @BeforeAll
    static void train() {
        data = signOfX1(200, 4);
        model = new NptClassificationTrainer(TribuoFixtures.tiny().set(STEPS, 60).build()).train(data);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<Pair<String, Double>> top(int n) {
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(n);
        assertEquals(Set.of(Model.ALL_OUTPUTS), top.keySet());
        List<Pair<String, Double>> ranked = top.get(Model.ALL_OUTPUTS);
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).getB() >= ranked.get(i).getB(), "sorted by decreasing importance: " + ranked);
        }
        return ranked;
    }

    @Test
    void theFeatureTheLabelDependsOnComesFirst() {
        assertEquals(List.of("colour"), model.featureLayout().categoricalColumns(), "the colour is one column");
        List<Pair<String, Double>> all = top(-1);
        System.out.println("top features: " + all);
        assertEquals("x1", all.get(0).getA(), all.toString());
        assertTrue(all.get(0).getB() > 0.1, "shuffling x1 costs much of what the model knows: " + all);
        assertTrue(all.get(0).getB() > 10 * all.get(1).getB(), "x1 is far ahead of any noise: " + all);
    }

    @Test
    void everyFeatureOfTheFeatureMapIsRankedOnceAndAOneHotGroupSharesItsColumnsImportance() {
        List<Pair<String, Double>> all = top(-1);
        Set<String> names = new HashSet<>();
        data.getFeatureIDMap().forEach(info -> names.add(info.getName()));
        assertEquals(names.size(), all.size(), all.toString());
        assertEquals(names, new HashSet<>(all.stream().map(Pair::getA).toList()));
        double colour = all.stream().filter(p -> p.getA().equals("colour@red")).findFirst().orElseThrow().getB();
        for (String feature : COLOURS) {
            assertEquals(colour, all.stream().filter(p -> p.getA().equals(feature)).findFirst().orElseThrow().getB(), feature);
        }
    }

    @Test
    void atMostNFeaturesAndTheSameAnswerEveryTime() {
        List<Pair<String, Double>> three = top(3);
        assertEquals(3, three.size());
        assertEquals(top(-1).subList(0, 3), three, "the first n of the full ranking, computed again identically");
        assertEquals(List.of(), top(0));
        assertEquals(6, top(100).size());
    }

    @Test
    void rowsAndSeedCanBeChosen() {
        List<Pair<String, Double>> ranked = model.getTopFeatures(2, 50, 3L).get(Model.ALL_OUTPUTS);
        assertEquals(2, ranked.size());
        assertEquals("x1", ranked.get(0).getA(), ranked.toString());
        assertThrows(IllegalArgumentException.class, () -> model.getTopFeatures(2, 0, 3L));
    }
}
