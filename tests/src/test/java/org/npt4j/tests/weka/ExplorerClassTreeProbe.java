package org.npt4j.tests.weka;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import weka.classifiers.Classifier;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.WekaPackageManager;
import weka.gui.GenericObjectEditor;
import weka.gui.HierarchyPropertyParser;

/**
 * Run in a child JVM whose classpath is Weka alone (plus this class): loads the installed packages
 * and builds the classifier tree exactly as the Explorer's "Choose" button does, through
 * {@link GenericObjectEditor} (GenericPropertiesCreator's class discovery, then
 * {@code PluginManager}). Prints one {@code TREE <class>} line per leaf of the tree, then
 * {@code LOADED <class> FROM <location>} for each class named in the arguments, loaded through
 * Weka's package class loaders.
 */
public final class ExplorerClassTreeProbe {

    /** Opens up the protected method that produces the tree the chooser shows. */
    private static final class Editor extends GenericObjectEditor {
        private static final long serialVersionUID = 1L;

        Hashtable<String, HierarchyPropertyParser> tree() {
            return getClassesFromProperties();
        }
    }

    private ExplorerClassTreeProbe() {}

    public static void main(String[] args) throws Exception {
        // What the Explorer does at start-up; GenericObjectEditor also does it when first used.
        WekaPackageManager.loadPackages(false);
        Editor editor = new Editor();
        editor.setClassType(Classifier.class);
        List<String> leaves = new ArrayList<>();
        for (Map.Entry<String, HierarchyPropertyParser> root : new TreeMap<>(editor.tree()).entrySet()) {
            HierarchyPropertyParser parser = root.getValue();
            parser.goToRoot();
            collectLeaves(parser, leaves);
        }
        for (String leaf : leaves) {
            System.out.println("TREE " + leaf);
        }
        for (String name : args) {
            Class<?> type = WekaPackageClassLoaderManager.forName(name);
            if (!Classifier.class.isAssignableFrom(type)) {
                throw new IllegalStateException(name + " is not a weka.classifiers.Classifier");
            }
            CodeSource source = type.getProtectionDomain().getCodeSource();
            System.out.println("LOADED " + name + " FROM " + (source == null ? "?" : source.getLocation()));
        }
        System.out.flush();
        // Weka may leave non-daemon threads behind; the answer is printed, so end here.
        System.exit(0);
    }

    private static void collectLeaves(HierarchyPropertyParser parser, List<String> leaves) throws Exception {
        if (parser.isLeafReached()) {
            leaves.add(parser.fullValue());
            return;
        }
        for (int i = 0; i < parser.numChildren(); i++) {
            parser.goToChild(i);
            collectLeaves(parser, leaves);
            parser.goToParent();
        }
    }
}
