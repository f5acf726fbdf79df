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
}
