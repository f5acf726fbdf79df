package org.npt4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of settings is complete and self-consistent: what every adapter is generated from. */
class SettingsTest {

    @Test
    void everyConstantIsRegisteredOnce() throws IllegalAccessException {
        List<Setting<?>> declared = new java.util.ArrayList<>();
        for (Field f : Settings.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == Setting.class) {
                declared.add((Setting<?>) f.get(null));
            }
        }
        for (Field f : Settings.class.getDeclaredFields()) {
            if (f.getType() == Setting.class) {
                assertEquals(f.getName(), ((Setting<?>) f.get(null)).constant(), "generated code names settings by constant");
            }
        }
        assertEquals(declared.size(), Settings.all().size());
        assertEquals(new HashSet<>(declared), new HashSet<>(Settings.all()));
    }

    @Test
    void namesOptionsAndLabelsAreUniqueAndDescribed() {
        Set<String> names = new HashSet<>();
        Set<String> options = new HashSet<>();
        Set<String> labels = new HashSet<>();
        Set<String> properties = new HashSet<>();
        for (Setting<?> s : Settings.all()) {
            assertTrue(names.add(s.name()), "name " + s.name());
            assertTrue(options.add(s.option()), "option " + s.option());
            assertTrue(labels.add(s.label()), "label " + s.label());
            assertTrue(properties.add(s.property()), "property " + s.property());
            assertTrue(s.option().matches("[a-z0-9]+(-[a-z0-9]+)*"), s.option());
            assertFalse(s.option().startsWith("no-"), "a flag's off form is derived: " + s.option());
            assertTrue(s.description().endsWith("."), s.name());
            assertSame(s, Settings.named(s.name()));
        }
    }

    @Test
    void everyDefaultPrintsAndParsesBackToItself() {
        for (Setting<?> s : Settings.all()) {
            roundTrip(s);
        }
    }

    private static <T> void roundTrip(Setting<T> s) {
        assertEquals(s.defaultValue(), s.parse(s.format(s.defaultValue())), s.name());
    }

    @Test
    void rangesAndRulesAreEnforcedAndSaidInWords() {
        assertEquals("[0, 1)", Settings.HIDDEN_DROPOUT.allowedValues());
        assertEquals("[2, infinity), even (ABD and ABA layers alternate)", Settings.DEPTH.allowedValues());
        assertEquals("one of COSINE, CONSTANT", Settings.TRADEOFF_SCHEDULE.allowedValues());
        NptConfigException e = assertThrows(NptConfigException.class, () -> Settings.HIDDEN_DROPOUT.parse("1"));
        assertEquals("hiddenDropout: must be in [0, 1), got 1.0", e.getMessage());
        assertEquals("steps: must be at least 1, got 0", assertThrows(NptConfigException.class, () -> Settings.STEPS.parse("0")).getMessage());
        assertEquals("learningRate: cannot read 'fast' as a number",
                assertThrows(NptConfigException.class, () -> Settings.LEARNING_RATE.parse("fast")).getMessage());
        assertEquals(Integer.valueOf(0), Settings.BATCH_SIZE.parse("-1"));
        assertThrows(NptConfigException.class, () -> Settings.BATCH_SIZE.parse("1"));
    }

    @Test
    void optionsDefaultToTheKebabCaseName() {
        assertEquals("embedding-dim", Settings.EMBEDDING_DIM.option());
        assertEquals("lamb-beta1", Settings.LAMB_BETA1.option());
        assertEquals("training-batch-size", Settings.BATCH_SIZE.option());
    }
}
