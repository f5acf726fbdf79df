package org.npt4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NptConfigTest {

    @Test
    void paperPresetIsNptBase() {
        NptConfig p = NptConfig.of(Preset.PAPER);
        assertEquals(64, p.embeddingDim());
        assertEquals(8, p.depth());
        assertEquals(8, p.heads());
        assertEquals(0.1, p.hiddenDropout());
        assertEquals(1e-12, p.layerNormEps());
        assertEquals(0.15, p.featureMaskProbability());
        assertEquals(1.0, p.targetMaskProbability());
        assertEquals(1.0, p.tradeoffStart());
        assertEquals(NptConfig.TradeoffSchedule.COSINE, p.tradeoffSchedule());
        assertEquals(0.5, p.flatProportion());
        assertEquals(6, p.lookaheadSteps());
        assertEquals(0.5, p.lookaheadAlpha());
        assertEquals(1.0, p.gradientClipValue());
        assertEquals(2000, p.steps());
        assertTrue(p.fullBatch());
        assertFalse(p.stochasticTargetMasking());
    }

    @Test
    void mapRoundTripIsExact() {
        NptConfig c = NptConfig.builder().embeddingDim(12).heads(3).learningRate(1.25e-4).seed(-5)
                .lrSchedule(NptConfig.LrSchedule.CONSTANT).device("gpu:1").build();
        Map<String, String> map = c.toMap();
        assertEquals(c, NptConfig.fromMap(map, NptConfig.of(Preset.PAPER)));
        assertEquals(NptConfig.class.getRecordComponents().length, map.size());
    }

    @Test
    void olderFilesWithoutANewFieldTakeTheDefault() {
        Map<String, String> partial = new java.util.LinkedHashMap<>(NptConfig.of(Preset.CPU_FAST).toMap());
        partial.remove("rffExpansion");
        assertEquals(4, NptConfig.fromMap(partial, NptConfig.of(Preset.PAPER)).rffExpansion());
    }

    @Test
    void textValuesParseLikeCommandLines() {
        NptConfig c = NptConfig.builder().set("tradeoffSchedule", "constant").set("semiSupervised", "FALSE")
                .set("lrSchedule", "flat-and-anneal").build();
        assertEquals(NptConfig.TradeoffSchedule.CONSTANT, c.tradeoffSchedule());
        assertFalse(c.semiSupervised());
        assertEquals(NptConfig.LrSchedule.FLAT_AND_ANNEAL, c.lrSchedule());
        assertThrows(NptConfigException.class, () -> NptConfig.builder().set("semiSupervised", "yes").build());
    }

    @Test
    void presetsAndDevicesParse() {
        assertEquals(Preset.PAPER, Preset.parse("Paper"));
        assertEquals(Preset.CPU_FAST, Preset.parse("cpu-fast"));
        assertThrows(NptConfigException.class, () -> Preset.parse("huge"));
        assertEquals(new DeviceSpec(DeviceSpec.Kind.GPU, 2), DeviceSpec.parse("gpu:2"));
        assertEquals(new DeviceSpec(DeviceSpec.Kind.GPU, 0), DeviceSpec.parse("GPU"));
        assertEquals(DeviceSpec.Kind.AUTO, DeviceSpec.parse(" auto ").kind());
        assertEquals("gpu:3", DeviceSpec.parse("cuda:3").toString());
        assertThrows(NptConfigException.class, () -> DeviceSpec.parse("gpu:-1"));
    }

    @Test
    void describeMentionsTheShape() {
        String d = NptConfig.of(Preset.PAPER).describe();
        assertTrue(d.contains("e=64") && d.contains("4 ABD + 4 ABA"), d);
    }

    @Test
    void wholeTableBatchesHaveOneSpelling() {
        NptConfig legacy = NptConfig.builder().batchSize(-1).build();
        assertEquals(0, legacy.batchSize(), "the reference's -1 reads as 0");
        assertTrue(legacy.fullBatch());
        assertEquals(legacy, NptConfig.builder().batchSize(0).build());
    }
}
