package org.npt4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What makes two saved configurations the same experiment for {@code --resume}. */
class ConfigurationDiffTest {

    private static final String SAVED = """
            <config>
              <component name="a" type="A"><property name="x" value="1"/><property name="y" value="2"/></component>
              <component name="e" type="E"><propertylist name="trainers"><item>a</item><item>b</item></propertylist></component>
            </config>""";

    private static Optional<String> diff(String loaded) throws IOException {
        return ConfigurationDiff.firstDifference(loaded.getBytes(StandardCharsets.UTF_8), SAVED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theOrderOfComponentsAndPropertiesDoesNotMatter() throws IOException {
        assertEquals(Optional.empty(), diff("""
                <config>
                  <component name="e" type="E"><propertylist name="trainers"><item>a</item><item>b</item></propertylist></component>
                  <component name="a" type="A"><property name="y" value="2"/><property name="x" value="1"/></component>
                </config>"""));
    }

    @Test
    void aValueAListOrderOrAComponentThatDiffersIsNamed() throws IOException {
        assertEquals(Optional.of("component 'a' property 'x' is 3 in the loaded configuration but 1 in the saved one"),
                diff(SAVED.replace("\"1\"", "\"3\"")));
        assertEquals(Optional.of("component 'e' propertylist 'trainers' is [b, a] in the loaded configuration but [a, b] in the saved one"),
                diff(SAVED.replace("<item>a</item><item>b</item>", "<item>b</item><item>a</item>")));
        assertEquals(Optional.of("component 'a' is only in the saved configuration"), diff(SAVED.replace("name=\"a\"", "name=\"c\"")));
    }

    @Test
    void whereTheJobsRunIsNotPartOfTheExperiment() throws IOException {
        String saved = """
                <config>
                  <property name="executor" value="spark"/>
                  <component name="e" type="E"><property name="executor" value="${executor}"/><property name="x" value="1"/></component>
                  <component name="in-process" type="org.npt4j.experiments.InProcessExecutor"/>
                  <component name="spark" type="org.npt4j.experiments.SparkExecutor"><property name="master" value="spark://h:7077"/></component>
                </config>""";
        String inProcess = """
                <config>
                  <property name="executor" value="in-process"/>
                  <component name="e" type="E"><property name="x" value="1"/></component>
                </config>""";
        assertEquals(Optional.empty(), ConfigurationDiff.firstDifference(inProcess.getBytes(StandardCharsets.UTF_8),
                saved.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("component 'e' property 'x' is 2 in the loaded configuration but 1 in the saved one"),
                ConfigurationDiff.firstDifference(inProcess.replace("\"1\"", "\"2\"").getBytes(StandardCharsets.UTF_8),
                        saved.getBytes(StandardCharsets.UTF_8)));
    }
}
