package io.daybreak.core.method;

import io.daybreak.data.InvalidInputException;

/** A parameter is unknown, missing, of the wrong type or out of range; the message names it and the allowed values. */
public final class InvalidParameterException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        super(message);
    }
}
