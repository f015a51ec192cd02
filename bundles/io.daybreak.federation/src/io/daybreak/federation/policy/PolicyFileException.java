package io.daybreak.federation.policy;

import java.io.IOException;

/** A policy file that cannot be used: the message names the file and, for syntax errors, line and column. */
public final class PolicyFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public PolicyFileException(String message) {
        super(message);
    }
}
