package io.daybreak.federation.grpc;

/** Protocol constants. */
public final class Protocol {
    /** The protocol version this build speaks. */
    public static final String VERSION = "2";

    private Protocol() {
    }
}
