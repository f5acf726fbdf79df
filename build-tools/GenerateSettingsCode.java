import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.npt4j.core.Setting;
import org.npt4j.core.Settings;

/**
 * Writes the per-setting code of the adapters from {@link Settings}, so that a setting is defined
 * once in npt-core and reaches Tribuo and Weka without a hand-written copy:
 *
 * <ul>
 *   <li>{@code tribuo}: {@code org.npt4j.tribuo.NptTrainerSettings}, one OLCUT {@code @Config} field
 *       per setting and the two methods that move them to and from an {@code NptConfig};</li>
 *   <li>{@code weka}: {@code org.npt4j.weka.NptClassifierProperties} (the classifier's base) and
 *       {@code org.npt4j.weka.NptFilterProperties} (the imputation filter's), one bean property (getter
 *       and setter with {@code @OptionMetadata}) per setting, which Weka's GenericObjectEditor shows.</li>
 * </ul>
 *
 * The seed is left out of both: Tribuo's {@code seed} field and Weka's {@code -S} drive it.
 * Maven runs this at generate-sources with npt-core on the class path:
 * {@code java -cp <npt-core> GenerateSettingsCode.java tribuo|weka <source root>}. A file whose
 * content is unchanged is left alone, so that incremental builds stay incremental.
 */
public final class GenerateSettingsCode {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateSettingsCode tribuo|weka <source root>");
        }
        List<Setting<?>> settings = Settings.all().stream().filter(s -> s != Settings.SEED).toList();
        Path root = Path.of(args[1]);
        switch (args[0]) {
            case "tribuo" -> write(root.resolve("org/npt4j/tribuo/NptTrainerSettings.java"), tribuo(settings));
            case "weka" -> {
                write(root.resolve("org/npt4j/weka/NptClassifierProperties.java"),
                        weka(settings, "NptClassifierProperties", "weka.classifiers.RandomizableClassifier"));
                write(root.resolve("org/npt4j/weka/NptFilterProperties.java"),
                        weka(settings, "NptFilterProperties", "weka.filters.SimpleBatchFilter"));
            }
            default -> throw new IllegalArgumentException("unknown target " + args[0]);
        }
    }

    private static void write(Path file, String source) throws IOException {
        boolean unchanged = Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(source);
        if (!unchanged) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
        }
    }

    private static String tribuo(List<Setting<?>> settings) {
        StringBuilder fields = new StringBuilder();
        StringBuilder applies = new StringBuilder();
        StringBuilder assigns = new StringBuilder();
        for (Setting<?> s : settings) {
            String constant = "Settings." + s.constant();
            fields.append("    @Config(description = ").append(quote(s.description() + " Allowed: " + s.allowedValues()
                            + ". Unset: taken from the preset."))
                    .append(")\n    private ").append(s.type().getCanonicalName()).append(' ').append(s.name()).append(";\n\n");
            applies.append("        if (").append(s.name()).append(" != null) {\n            builder.set(").append(constant)
                    .append(", ").append(s.name()).append(");\n        }\n");
            assigns.append("        ").append(s.name()).append(" = config.get(").append(constant).append(");\n");
        }
        return """
                // Generated from org.npt4j.core.Settings by build-tools/GenerateSettingsCode.java. Do not edit.
                package org.npt4j.tribuo;

                import com.oracle.labs.mlrg.olcut.config.Config;
                import org.npt4j.core.NptConfig;
                import org.npt4j.core.Settings;
                import org.tribuo.Output;
                import org.tribuo.Trainer;

                /**
                 * Every NPT setting as an OLCUT {@code @Config} field of the same name, so that OLCUT
                 * configs, {@code --@component.field} overrides and Tribuo's provenance see each one.
                 * A field left null takes its value from the trainer's preset. The seed is not among
                 * them: Tribuo's own {@code seed} draws NPT's seed for each training run.
                 *
                 * @param <T> the output type
                 */
                public abstract class NptTrainerSettings<T extends Output<T>> implements Trainer<T> {

                %s    /** For subclasses. */
                    protected NptTrainerSettings() {}

                    /**
                     * @param builder a builder holding the preset's values
                     * @return the builder with every setting this trainer was given
                     */
                    final NptConfig.Builder applySettings(NptConfig.Builder builder) {
                %s        return builder;
                    }

                    /** Sets every field from a configuration, so that all hold their effective values. */
                    final void assignSettings(NptConfig config) {
                %s    }
                }
                """.formatted(fields, applies, assigns);
    }

    private static String weka(List<Setting<?>> settings, String className, String superclass) {
        StringBuilder properties = new StringBuilder();
        int order = 10;
        for (Setting<?> s : settings) {
            String type = wekaType(s.type());
            String property = Character.toUpperCase(s.property().charAt(0)) + s.property().substring(1);
            String constant = "Settings." + s.constant();
            properties.append("    @OptionMetadata(displayName = ").append(quote(s.label()))
                    .append(",\n            description = ").append(quote(s.description()))
                    // No category: Weka 3.8 shows each category as an "Edit..." button, in no fixed order, opening a
                    // dialog too small for its rows; one list in displayOrder (grouped by setting group) reads better.
                    .append(",\n            displayOrder = ").append(order++).append(")\n")
                    .append("    public ").append(type).append(" get").append(property).append("() {\n")
                    .append("        return settings().get(").append(constant).append(");\n    }\n\n")
                    .append("    public void set").append(property).append('(').append(type).append(" value) {\n")
                    .append("        settings().set(").append(constant).append(", value);\n    }\n\n");
        }
        return """
                // Generated from org.npt4j.core.Settings by build-tools/GenerateSettingsCode.java. Do not edit.
                package org.npt4j.weka;

                import org.npt4j.core.Settings;
                import weka.core.OptionMetadata;

                /**
                 * Every NPT setting as a bean property of the same name, with the {@link OptionMetadata}
                 * (label, description, order) that Weka's GenericObjectEditor shows. The values
                 * live in {@link #settings()}, which also gives their command-line form; the annotations
                 * name no command-line option because {@link SettingOptions} parses and writes them
                 * (Weka's own parsing cannot tell a flag left out from a flag turned off, and would
                 * override a preset's value). The seed is Weka's {@code -S}.
                 */
                public abstract class %1$s extends %2$s {

                    private static final long serialVersionUID = 1L;

                    /** For subclasses. */
                    protected %1$s() {}

                    /** @return the settings the properties read and write */
                    protected abstract SettingOptions settings();

                %3$s}
                """.formatted(className, superclass, properties);
    }

    private static String wekaType(Class<?> type) {
        if (type == Integer.class) {
            return "int";
        }
        if (type == Double.class) {
            return "double";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == Long.class) {
            return "long";
        }
        return type.getCanonicalName();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
