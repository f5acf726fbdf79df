package org.npt4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npt4j.core.NptConfig;
import org.npt4j.core.NptConfigException;

/**
 * Moves NPT settings between {@link NptConfig} and a trainer's {@code @Config} fields, which carry
 * the same names. Every setting except the seed is such a field: Tribuo's own {@code seed} drives
 * NPT's seed per training run. A field left null takes its value from the preset.
 */
final class ConfigFields {

    private ConfigFields() {}

    /**
     * @param declaring the class declaring the fields
     * @return the fields, in {@link NptConfig}'s order
     * @throws IllegalStateException if a setting has no field (a programming error caught by the tests)
     */
    static List<Field> of(Class<?> declaring) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : NptConfig.class.getRecordComponents()) {
            if (c.getName().equals("seed")) {
                continue;
            }
            try {
                Field f = declaring.getDeclaredField(c.getName());
                f.setAccessible(true);
                fields.add(f);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("NPT setting '" + c.getName() + "' has no field in " + declaring.getName(), e);
            }
        }
        return fields;
    }

    /** Sets every null field from the text form of {@code base}. */
    static void fillUnset(Object owner, List<Field> fields, NptConfig base) {
        Map<String, String> values = base.toMap();
        for (Field f : fields) {
            if (get(owner, f) == null) {
                set(owner, f, values.get(f.getName()));
            }
        }
    }

    /** Sets every field from {@code config}. */
    static void assign(Object owner, List<Field> fields, NptConfig config) {
        Map<String, String> values = config.toMap();
        for (Field f : fields) {
            set(owner, f, values.get(f.getName()));
        }
    }

    /**
     * @return the configuration the fields describe, with the given seed
     * @throws PropertyException naming the field if the settings are impossible
     */
    static NptConfig resolve(Object owner, List<Field> fields, NptConfig base, long seed) {
        NptConfig.Builder b = base.toBuilder();
        for (Field f : fields) {
            Object v = get(owner, f);
            if (v != null) {
                b.set(f.getName(), v instanceof Enum<?> e ? e.name() : String.valueOf(v));
            }
        }
        b.set("seed", Long.toString(seed));
        try {
            return b.build();
        } catch (NptConfigException e) {
            throw new PropertyException("", e.field(), e.getMessage());
        }
    }

    private static Object get(Object owner, Field f) {
        try {
            return f.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void set(Object owner, Field f, String text) {
        Class<?> type = f.getType();
        Object value;
        if (type == Integer.class) {
            value = Integer.valueOf(text);
        } else if (type == Double.class) {
            value = Double.valueOf(text);
        } else if (type == Boolean.class) {
            value = Boolean.valueOf(text);
        } else if (type.isEnum()) {
            value = Enum.valueOf((Class<? extends Enum>) type, text);
        } else if (type == String.class) {
            value = text;
        } else {
            throw new IllegalStateException("Unsupported setting type " + type + " of " + f.getName());
        }
        try {
            f.set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
