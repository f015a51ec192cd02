package io.daybreak.core.registry;

import java.util.List;

import io.daybreak.data.InvalidInputException;

/** No method with the requested id is registered; the message lists the ids that are. */
public final class UnknownMethodException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownMethodException(String id, List<String> known) {
        super("unknown method '" + id + "'; available: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
    }
}
