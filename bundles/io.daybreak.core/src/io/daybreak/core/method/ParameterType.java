package io.daybreak.core.method;

/** The value types a method parameter can have, and the Java type of its bound value. */
public enum ParameterType {
    /** A whole number, bound as {@link Long}. */
    INTEGER("integer"),
    /** A real number, bound as {@link Double}; integers are accepted. */
    REAL("real"),
    /** {@code true} or {@code false}, bound as {@link Boolean}. */
    BOOLEAN("boolean"),
    /** Free text, bound as {@link String}. */
    STRING("string"),
    /** One of a fixed list of words, bound as {@link String}. */
    CHOICE("choice"),
    /**
     * A comma-separated list of real numbers, e.g. {@code truth=0.05,0.1,0.2}, bound as a {@code double[]};
     * the range applies to every element.
     */
    REAL_LIST("reals");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    /** The lower-case name used in messages, documentation and JSON. */
    public String label() {
        return label;
    }
}
