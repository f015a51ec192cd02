package io.daybreak.stats.models.formula;

import java.util.LinkedHashMap;
import java.util.Map;

import io.daybreak.core.method.InvalidParameterException;

/**
 * The {@code ref} parameter of the formula methods: {@code column=level,column=level} (R's {@code relevel}), as
 * {@link ModelFrame.Options#references()} takes it.
 */
public final class References {
    private References() {
    }

    /** Column → reference level; empty for null. */
    public static Map<String, String> parse(String ref) {
        Map<String, String> references = new LinkedHashMap<>();
        if (ref == null) {
            return references;
        }
        for (String part : ref.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0 || equals == part.length() - 1) {
                throw new InvalidParameterException("parameter 'ref': '" + part.strip() + "' is not column=level, "
                        + "e.g. ref=sex=Female");
            }
            references.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
        }
        return references;
    }
}
