package org.npt4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npt4j.core.Settings.BATCH_SIZE;
import static org.npt4j.core.Settings.DEPTH;
import static org.npt4j.core.Settings.DEVICE;
import static org.npt4j.core.Settings.EMBEDDING_DIM;
import static org.npt4j.core.Settings.HEADS;
import static org.npt4j.core.Settings.LEARNING_RATE;
import static org.npt4j.core.Settings.LR_SCHEDULE;
import static org.npt4j.core.Settings.PREDICTION_BATCH_SIZE;
import static org.npt4j.core.Settings.RFF_EXPANSION;
import static org.npt4j.core.Settings.SEED;
import static org.npt4j.core.Settings.SEMI_SUPERVISED;
import static org.npt4j.core.Settings.STEPS;
import static org.npt4j.core.Settings.TRADEOFF_SCHEDULE;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NptConfigTest {

    @Test
    void paperPresetIsNptBase() {
        NptConfig p = NptConfig.of(Preset.PAPER);
        assertEquals(64, p.get(EMBEDDING_DIM));
        assertEquals(8, p.get(DEPTH));
        assertEquals(8, p.get(HEADS));
        assertEquals(0.1, p.get(Settings.HIDDEN_DROPOUT));
        assertEquals(1e-12, p.get(Settings.LAYER_NORM_EPS));
        assertEquals(0.15, p.get(Settings.FEATURE_MASK_PROBABILITY));
        assertEquals(1.0, p.get(Settings.TARGET_MASK_PROBABILITY));
        assertEquals(1.0, p.get(Settings.TRADEOFF_START));
        assertEquals(TradeoffSchedule.COSINE, p.get(TRADEOFF_SCHEDULE));
        assertEquals(0.5, p.get(Settings.FLAT_PROPORTION));
        assertEquals(6, p.get(Settings.LOOKAHEAD_STEPS));
        assertEquals(0.5, p.get(Settings.LOOKAHEAD_ALPHA));
        assertEquals(1.0, p.get(Settings.GRADIENT_CLIP_VALUE));
        assertEquals(2000, p.get(STEPS));
        assertTrue(p.fullBatch());
        assertFalse(p.stochasticTargetMasking());
    }

    @Test
    void theCpuPresetChangesOnlyWhatItNames() {
        Map<String, String> paper = NptConfig.of(Preset.PAPER).toMap();
        Map<String, String> cpu = NptConfig.of(Preset.CPU_FAST).toMap();
        Map<String, String> changed = new LinkedHashMap<>();
        cpu.forEach((k, v) -> {
            if (!v.equals(paper.get(k))) {
                changed.put(k, v);
            }
        });
        assertEquals(Map.of("embeddingDim", "8", "depth", "4", "heads", "2", "attentionDropout", "0.0",
                "learningRate", "0.005", "steps", "1500", "batchSize", "1024",
                "validationFraction", "0.1", "evaluationInterval", "5"), changed);
    }

    @Test
    void mapRoundTripIsExactAndCoversEverySetting() {
        NptConfig c = NptConfig.builder().set(EMBEDDING_DIM, 12).set(HEADS, 3).set(LEARNING_RATE, 1.25e-4).set(SEED, -5L)
                .set(LR_SCHEDULE, LearningRateSchedule.CONSTANT).set(DEVICE, "gpu:1").build();
        Map<String, String> map = c.toMap();
        assertEquals(c, NptConfig.fromMap(map, NptConfig.of(Preset.PAPER)));
        assertEquals(Settings.all().size(), map.size());
        assertEquals(Settings.all().stream().map(Setting::name).toList(), java.util.List.copyOf(map.keySet()));
    }

    @Test
    void olderFilesWithoutANewSettingTakeTheDefault() {
        Map<String, String> partial = new LinkedHashMap<>(NptConfig.of(Preset.CPU_FAST).toMap());
        partial.remove("rffExpansion");
        assertEquals(4, NptConfig.fromMap(partial, NptConfig.of(Preset.PAPER)).get(RFF_EXPANSION));
    }

    @Test
    void textValuesParseLikeCommandLines() {
        NptConfig c = NptConfig.builder().set("tradeoffSchedule", "constant").set("semiSupervised", "FALSE")
                .set("lrSchedule", "flat-and-anneal").build();
        assertEquals(TradeoffSchedule.CONSTANT, c.get(TRADEOFF_SCHEDULE));
        assertFalse(c.get(SEMI_SUPERVISED));
        assertEquals(LearningRateSchedule.FLAT_AND_ANNEAL, c.get(LR_SCHEDULE));
        NptConfigException e = assertThrows(NptConfigException.class, () -> NptConfig.builder().set("semiSupervised", "yes"));
        assertEquals("semiSupervised", e.field());
        NptConfigException unknown = assertThrows(NptConfigException.class, () -> NptConfig.builder().set("width", "8"));
        assertTrue(unknown.getMessage().contains("embeddingDim"), unknown.getMessage());
        Setting<Integer> stranger = new Setting<>("width", Integer.class, 8, Settings.EMBEDDING_DIM.allowed(),
                SettingGroup.ARCHITECTURE, "Width", "width", "width", "Not registered.");
        assertEquals("width", assertThrows(NptConfigException.class, () -> NptConfig.builder().set(stranger, 4)).field());
    }

    @Test
    void outOfRangeValuesNameTheirSetting() {
        NptConfigException odd = assertThrows(NptConfigException.class, () -> NptConfig.builder().set(DEPTH, 3).build());
        assertEquals("depth", odd.field());
        assertTrue(odd.getMessage().contains("even"), odd.getMessage());
        NptConfigException heads = assertThrows(NptConfigException.class,
                () -> NptConfig.builder().set(EMBEDDING_DIM, 10).set(HEADS, 4).build());
        assertEquals("heads", heads.field());
        NptConfigException pass = assertThrows(NptConfigException.class,
                () -> NptConfig.builder().set(BATCH_SIZE, 64).set(PREDICTION_BATCH_SIZE, 64).build());
        assertEquals("predictionBatchSize", pass.field());
        NptConfigException device = assertThrows(NptConfigException.class, () -> NptConfig.builder().set(DEVICE, "tpu").build());
        assertEquals("device", device.field());
        assertThrows(NptConfigException.class, () -> NptConfig.builder().set(Settings.HIDDEN_DROPOUT, 1.0).build());
        assertThrows(NptConfigException.class, () -> NptConfig.builder().set(LEARNING_RATE, Double.NaN).build());
        assertThrows(NptConfigException.class, () -> NptConfig.builder().set(STEPS, null).build());
    }

    @Test
    void threadsIsZeroForPyTorchsDefaultOrACountAndNeverNegative() {
        assertEquals(0, NptConfig.of(Preset.CPU_FAST).get(Settings.THREADS));
        assertEquals(0, NptConfig.of(Preset.PAPER).get(Settings.THREADS));
        assertEquals(64, NptConfig.builder().set(Settings.THREADS, 64).build().get(Settings.THREADS), "more than the cores is allowed");
        NptConfigException negative = assertThrows(NptConfigException.class, () -> NptConfig.builder().set(Settings.THREADS, -1).build());
        assertEquals("threads", negative.field());
        assertEquals("threads: must be at least 0, got -1", negative.getMessage());
        NptConfigException text = assertThrows(NptConfigException.class, () -> Settings.THREADS.parse("-2"));
        assertTrue(text.getMessage().startsWith("threads: "), text.getMessage());
        assertThrows(NptConfigException.class, () -> Settings.THREADS.parse("two"));
    }

    @Test
    void theQuickPresetIsTheFastModelOnASmallerBudget() {
        Map<String, String> fast = NptConfig.of(Preset.CPU_FAST).toMap();
        Map<String, String> quick = NptConfig.of(Preset.CPU_QUICK).toMap();
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : quick.entrySet()) {
            if (!e.getValue().equals(fast.get(e.getKey()))) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        assertEquals(Map.of("steps", "600", "batchSize", "256", "predictionBatchSize", "64"), changed);
        // A pass of queries leaves room for context rows in a training-sized batch.
        assertTrue(NptConfig.of(Preset.CPU_QUICK).get(Settings.PREDICTION_BATCH_SIZE) < NptConfig.of(Preset.CPU_QUICK).get(Settings.BATCH_SIZE));
    }

    @Test
    void presetsAndDevicesParse() {
        assertEquals(Preset.PAPER, Preset.parse("Paper"));
        assertEquals(Preset.CPU_FAST, Preset.parse("cpu-fast"));
        assertEquals(Preset.CPU_QUICK, Preset.parse("quick"));
        assertEquals(Preset.CPU_QUICK, Preset.parse("CPU-QUICK"));
        assertThrows(NptConfigException.class, () -> Preset.parse("huge"));
        assertEquals(new DeviceSpec(DeviceSpec.Kind.GPU, 2), DeviceSpec.parse("gpu:2"));
        assertEquals(new DeviceSpec(DeviceSpec.Kind.GPU, 0), DeviceSpec.parse("GPU"));
        assertEquals(DeviceSpec.Kind.AUTO, DeviceSpec.parse(" auto ").kind());
        assertEquals("gpu:3", DeviceSpec.parse("cuda:3").toString());
        assertThrows(NptConfigException.class, () -> DeviceSpec.parse("gpu:-1"));
    }

    @Test
    void describeMentionsTheShapeAndEverySetting() {
        String d = NptConfig.of(Preset.PAPER).describe();
        assertTrue(d.contains("e=64") && d.contains("4 ABD + 4 ABA"), d);
        for (Setting<?> s : Settings.all()) {
            assertTrue(d.contains(s.name() + "="), s.name() + " missing from " + d);
        }
    }

    @Test
    void wholeTableBatchesHaveOneSpelling() {
        NptConfig legacy = NptConfig.builder().set(BATCH_SIZE, -1).build();
        assertEquals(0, legacy.get(BATCH_SIZE), "the reference's -1 reads as 0");
        assertTrue(legacy.fullBatch());
        assertEquals(legacy, NptConfig.builder().set(BATCH_SIZE, 0).build());
        assertNotEquals(legacy, NptConfig.builder().set(BATCH_SIZE, 512).build());
    }
}
