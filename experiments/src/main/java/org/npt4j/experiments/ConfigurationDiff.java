package org.npt4j.experiments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Compares two OLCUT XML configurations by what they configure, not by their text: components by
 * name, each with its type and its properties by name (a list's items in order, a map's entries by
 * key). OLCUT writes components and properties in no fixed order, so two files that configure the
 * same experiment need not be equal byte for byte.
 *
 * <p>Where the jobs run is not part of the experiment: results do not depend on it. So the
 * {@code executor} properties (the global one and the experiment's) and the executor components
 * ({@link FoldExecutor}s: {@link InProcessExecutor}, {@link SparkExecutor}) are left out, and a run
 * that Spark started can be finished in-process, or the other way round.
 */
final class ConfigurationDiff {

    /** The name of the properties that choose where the jobs run. */
    private static final String EXECUTOR = "executor";

    private ConfigurationDiff() {}

    /** Whether the element is an executor component: one whose class runs jobs, not one that shapes results. */
    private static boolean isExecutor(Element e) {
        if (!e.getTagName().equals("component")) {
            return false;
        }
        try {
            return FoldExecutor.class.isAssignableFrom(Class.forName(e.getAttribute("type"), false,
                    ConfigurationDiff.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    /**
     * @param loaded the configuration as loaded now, as OLCUT saves it
     * @param saved the configuration a run saved
     * @return the first difference in words, naming the component and the property; empty if they configure the same
     * @throws IOException if either is not XML
     */
    static Optional<String> firstDifference(byte[] loaded, byte[] saved) throws IOException {
        Map<String, Map<String, String>> now = canonical(loaded);
        Map<String, Map<String, String>> then = canonical(saved);
        TreeSet<String> components = new TreeSet<>(now.keySet());
        components.addAll(then.keySet());
        for (String c : components) {
            if (!now.containsKey(c) || !then.containsKey(c)) {
                return Optional.of(c + " is only in the " + (now.containsKey(c) ? "loaded" : "saved") + " configuration");
            }
            TreeSet<String> properties = new TreeSet<>(now.get(c).keySet());
            properties.addAll(then.get(c).keySet());
            for (String p : properties) {
                String a = now.get(c).get(p);
                String b = then.get(c).get(p);
                if (a == null ? b != null : !a.equals(b)) {
                    return Optional.of(c + " " + p + " is " + (a == null ? "unset" : a) + " in the loaded configuration but "
                            + (b == null ? "unset" : b) + " in the saved one");
                }
            }
        }
        return Optional.empty();
    }

    /** Component ("component 'npt'") to its settings ("type", "property 'steps'") and their values. */
    private static Map<String, Map<String, String>> canonical(byte[] xml) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not an OLCUT XML configuration: " + e.getMessage(), e);
        }
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Element e : children(root)) {
            if (EXECUTOR.equals(e.getAttribute("name")) && !e.getTagName().equals("component") || isExecutor(e)) {
                continue;
            }
            if (e.getTagName().equals("component")) {
                Map<String, String> settings = new TreeMap<>();
                settings.put("type", e.getAttribute("type"));
                for (Element p : children(e)) {
                    if (!EXECUTOR.equals(p.getAttribute("name"))) {
                        settings.put(label(p), value(p));
                    }
                }
                out.put("component '" + e.getAttribute("name") + "'", settings);
            } else {
                // Global properties and anything else at the top level: compared whole.
                out.put(label(e), Map.of("value", value(e)));
            }
        }
        return out;
    }

    /** @return e.g. "property 'steps'" or "propertylist 'trainers'" */
    private static String label(Element e) {
        return e.getTagName() + " '" + e.getAttribute("name") + "'";
    }

    /** @return the element's value: its attributes but the name, and its children's values in order */
    private static String value(Element e) {
        List<String> parts = new ArrayList<>();
        NamedNodeMap attributes = e.getAttributes();
        TreeMap<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!a.getNodeName().equals("name")) {
                sorted.put(a.getNodeName(), a.getNodeValue());
            }
        }
        sorted.forEach((k, v) -> parts.add(k.equals("value") ? v : k + "=" + v));
        List<Element> children = children(e);
        if (children.isEmpty()) {
            String text = e.getTextContent().strip();
            if (!text.isEmpty()) {
                parts.add(text);
            }
        } else {
            List<String> items = new ArrayList<>();
            for (Element c : children) {
                items.add(value(c));
            }
            if (e.getTagName().equals("propertymap")) {
                // A map's entries, unlike a list's items, have no order.
                items.sort(null);
            }
            parts.add(items.toString());
        }
        return String.join(" ", parts);
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }
}
