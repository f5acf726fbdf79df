package org.npt4j.core;

/**
 * Thrown when an {@link NptConfig} would describe a model or training run that cannot exist, such
 * as an odd depth or a head count that does not divide the embedding width. {@link #field()}
 * names the offending setting so that adapters (OLCUT, Weka options) can point at their own
 * property.
 */
public class NptConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the configuration field at fault, as named in {@link NptConfig}
     * @param message what is wrong with it
     */
    public NptConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the name of the configuration field at fault */
    public String field() {
        return field;
    }
}
