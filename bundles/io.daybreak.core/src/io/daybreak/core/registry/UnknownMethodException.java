package io.daybreak.core.registry;

import java.util.List;

import io.daybreak.core.text.Suggestions;
import io.daybreak.data.InvalidInputException;

/**
 * No method with the requested id is registered. The message suggests the closest ids when the id looks like a
 * typo of one ("did you mean 'design.boin'?"), else lists the ids that are.
 */
public final class UnknownMethodException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public UnknownMethodException(String id, List<String> known) {
        super(message(id, known));
    }

    private static String message(String id, List<String> known) {
        String suggestion = Suggestions.didYouMean(id, known);
        if (!suggestion.isEmpty()) {
            return "unknown method '" + id + "'; " + suggestion + " ('methods' lists them all)";
        }
        return "unknown method '" + id + "'; available: " + (known.isEmpty() ? "(none)" : String.join(", ", known));
    }
}
