package org.npt4j.tribuo;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.List;
import org.npt4j.core.Preset;
import org.npt4j.core.Setting;
import org.npt4j.core.Settings;

/**
 * A JEP 290 allow-list for Java-deserializing {@link NptTribuoModel}s from elsewhere: exactly the
 * classes their serialized form holds, everything else refused. Tribuo documents the same kind of
 * filter for its own models ({@code docs/jep-290-filter.txt}, {@code org.tribuo.**} with
 * {@code java.util.**} and {@code java.lang.*}); this one lists single java.base classes instead of
 * whole packages, so that {@code java.util.concurrent} and the like stay out.
 *
 * <p>Use it per stream, {@code in.setObjectInputFilter(SerialFilter.filter())}, or for the whole
 * JVM with {@code -Djdk.serialFilter=<PATTERN>}. Protobuf ({@link NptTribuoModel#serialize()}) needs
 * no filter and remains the preferred form.
 */
public final class SerialFilter {

    /**
     * The allow-list, in {@link ObjectInputFilter.Config#createFilter} syntax, ending in {@code !*}:
     * <ul>
     *   <li>npt4j's classes in the form: the model, its feature layout and output columns, and the
     *       enums that trainer settings record in the provenance (the preset and every enum-valued
     *       setting);</li>
     *   <li>Tribuo's classes ({@code org.tribuo.**}, as Tribuo's own filter) and the OLCUT
     *       provenance and counters they hold;</li>
     *   <li>the java.base classes those hold: boxed numbers, the collections Tribuo and OLCUT
     *       use, and the java.time values of provenance timestamps.</li>
     * </ul>
     * Provenance of data read from files or URLs (Tribuo's {@code CSVLoader}) also holds
     * {@code java.io.File} or {@code java.net.URL}; they are left out on purpose (a {@code URL}
     * resolves its host when hashed), see README.md, "Loading models from elsewhere".
     */
    public static final String PATTERN = pattern();

    private SerialFilter() {}

    /** @return a filter of {@link #PATTERN}, for {@link java.io.ObjectInputStream#setObjectInputFilter} */
    public static ObjectInputFilter filter() {
        return ObjectInputFilter.Config.createFilter(PATTERN);
    }

    private static String pattern() {
        List<String> allowed = new ArrayList<>(List.of(NptTribuoModel.class.getName(), FeatureLayout.class.getName(),
                FeatureLayout.FeatureColumn.class.getName(), LabelColumns.class.getName(),
                RegressorColumns.class.getName(), Preset.class.getName()));
        // Derived, so that an enum-valued setting added later is allowed without anyone remembering to.
        for (Setting<?> s : Settings.all()) {
            if (s.type().isEnum() && !allowed.contains(s.type().getName())) {
                allowed.add(s.type().getName());
            }
        }
        allowed.addAll(List.of(
                "org.tribuo.**",
                "com.oracle.labs.mlrg.olcut.provenance.**",
                "com.oracle.labs.mlrg.olcut.util.Mutable*",
                "java.lang.Object", "java.lang.String", "java.lang.Enum", "java.lang.Number", "java.lang.Boolean",
                "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
                "java.util.ArrayList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.HashSet",
                "java.util.LinkedHashSet", "java.util.Map$Entry", "java.util.CollSer", "java.util.ImmutableCollections$*",
                "java.util.Collections$Unmodifiable*", "java.util.Collections$Empty*",
                "java.time.Ser", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.LocalDate",
                "!*"));
        return String.join(";", allowed);
    }
}
