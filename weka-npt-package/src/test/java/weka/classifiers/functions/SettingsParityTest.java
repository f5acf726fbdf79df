package weka.classifiers.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npt4j.core.NptConfig;
import org.npt4j.core.Preset;
import org.npt4j.core.Setting;
import org.npt4j.core.SettingSamples;
import org.npt4j.core.Settings;
import weka.classifiers.AbstractClassifier;
import weka.core.Option;
import weka.core.OptionMetadata;

/**
 * Every NPT setting reaches Weka: a GUI property of the same name, label and description,
 * and a command-line option that sets it. A setting added to npt-core and missing here fails the
 * build. The seed is Weka's own {@code -S}.
 */
class SettingsParityTest {

    @Test
    void everySettingIsAPropertyTheGuiShows() throws Exception {
        Map<String, PropertyDescriptor> properties = new HashMap<>();
        for (PropertyDescriptor p : Introspector.getBeanInfo(NonParametricTransformer.class).getPropertyDescriptors()) {
            properties.put(p.getName(), p);
        }
        for (Setting<?> s : Settings.all()) {
            if (s == Settings.SEED) {
                assertNotNull(properties.get("seed"), "Weka's -S");
                continue;
            }
            PropertyDescriptor p = properties.get(s.property());
            assertNotNull(p, "no property " + s.property());
            assertNotNull(p.getWriteMethod(), s.name());
            OptionMetadata meta = p.getReadMethod().getAnnotation(OptionMetadata.class);
            assertNotNull(meta, s.name());
            assertEquals(s.description(), meta.description());
            assertEquals(s.label(), meta.displayName());
            // A category becomes an "Edit..." button in Weka 3.8's editor, in no fixed order, opening a dialog
            // too small for its rows; the settings form one list instead.
            assertEquals("", meta.category(), s.name());
        }
    }

    @Test
    void presetComesFirstInTheEditorAndGroupsStayTogether() throws Exception {
        int presetOrder = Integer.MAX_VALUE;
        Map<String, Integer> orders = new HashMap<>();
        for (PropertyDescriptor p : Introspector.getBeanInfo(NonParametricTransformer.class).getPropertyDescriptors()) {
            OptionMetadata meta = p.getReadMethod() == null ? null : p.getReadMethod().getAnnotation(OptionMetadata.class);
            if (meta == null) {
                continue;
            }
            if (p.getName().equals("preset")) {
                presetOrder = meta.displayOrder();
            } else {
                orders.put(p.getName(), meta.displayOrder());
            }
        }
        for (Map.Entry<String, Integer> e : orders.entrySet()) {
            assertTrue(presetOrder < e.getValue(), () -> "preset must come before " + e.getKey());
        }
        // Settings of one group are adjacent in display order, in the order npt-core declares the groups.
        List<Setting<?>> settings = Settings.all().stream().filter(s -> s != Settings.SEED).toList();
        for (int i = 1; i < settings.size(); i++) {
            Setting<?> before = settings.get(i - 1);
            Setting<?> after = settings.get(i);
            assertTrue(orders.get(before.property()) < orders.get(after.property()), before.name() + " before " + after.name());
        }
    }

    @Test
    void everySettingIsAnOptionThatSetsIt() throws Exception {
        NonParametricTransformer npt = new NonParametricTransformer();
        List<String> listed = new ArrayList<>();
        for (Option o : Collections.list(npt.listOptions())) {
            listed.add(o.name());
        }
        NptConfig base = NptConfig.of(Preset.CPU_FAST);
        List<String> args = new ArrayList<>();
        for (Setting<?> s : Settings.all()) {
            if (s == Settings.SEED) {
                args.addAll(List.of("-S", "17"));
                continue;
            }
            assertTrue(listed.contains(s.option()), "-" + s.option() + " in " + listed);
            if (s.isFlag()) {
                args.add(((Boolean) SettingSamples.alternative(s, base) ? "-" : "-no-") + s.option());
            } else {
                args.addAll(List.of("-" + s.option(), SettingSamples.alternativeText(s, base)));
            }
        }
        npt.setOptions(args.toArray(String[]::new));
        NptConfig configured = npt.nptConfig();
        for (Setting<?> s : Settings.all()) {
            Object expected = s == Settings.SEED ? 17L : SettingSamples.alternative(s, base);
            assertEquals(expected, configured.get(s), s.name());
        }
        NonParametricTransformer copy = (NonParametricTransformer) AbstractClassifier.makeCopy(npt);
        assertEquals(configured, copy.nptConfig(), "options round-trip through getOptions");
    }

    @Test
    void theDefaultIsTheQuickPresetAndTheHelpGivesEachPresetsValue() throws Exception {
        NonParametricTransformer npt = new NonParametricTransformer();
        assertEquals(Preset.CPU_QUICK, npt.getPreset());
        assertEquals(NptConfig.builder(Preset.CPU_QUICK).set(Settings.SEED, 1L).build(), npt.nptConfig());
        Map<String, Option> options = new HashMap<>();
        for (Option o : Collections.list(npt.listOptions())) {
            options.put(o.name(), o);
        }
        assertTrue(options.get("preset").description().contains("(default: CPU_QUICK)"), options.get("preset").description());
        assertEquals("-preset <CPU_QUICK|PAPER|CPU_FAST>", options.get("preset").synopsis());
        assertTrue(options.get("steps").description().contains("default: 600 in CPU_QUICK, 2000 in PAPER, 1500 in CPU_FAST"),
                options.get("steps").description());
        assertTrue(options.get("embedding-dim").description().contains("default: 8 in CPU_QUICK, 64 in PAPER, 8 in CPU_FAST"),
                options.get("embedding-dim").description());
    }
}
