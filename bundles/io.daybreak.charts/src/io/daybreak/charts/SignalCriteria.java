package io.daybreak.charts;

import java.util.List;
import java.util.Map;

/**
 * The thresholds a signal-detection run used, read from its parameters by name (case-insensitive; the names are
 * those of signal.disproportionality's, signal.ebgm's and signal.ae-compare's settings) so that the HTML
 * report and the IDE draw the same lines: a parameter of one of the listed names if the run recorded one, else the
 * conventional value, which {@link #given} lets the report say.
 *
 * @param parameters the run's parameters (provenance), may be empty
 */
public record SignalCriteria(Map<?, ?> parameters) {
    /** PRR threshold of Evans et al. (2001), conventionally 2. */
    public static final List<String> PRR_THRESHOLD = List.of("prrMin");
    /** Yates chi-square threshold of Evans et al., conventionally 4. */
    public static final List<String> CHISQ_THRESHOLD = List.of("chisqMin");
    /** Minimum count of Evans et al., conventionally 3. */
    public static final List<String> MIN_COUNT = List.of("nMin");
    /** Significance level of the p-value line of the volcano plot, conventionally 0.05. */
    public static final List<String> ALPHA = List.of("alpha");
    /** EB05 threshold (Szarfman et al. 2002), conventionally 2. */
    public static final List<String> EB05_THRESHOLD = List.of("eb05Threshold", "eb05Min", "minEb05");
    /** Level of the double-FDR adjusted p that flags an adverse event (Mehrotra and Heyse 2004), conventionally 0.1. */
    public static final List<String> FDR_THRESHOLD = List.of("fdrThreshold", "fdr", "fdrLevel");

    public SignalCriteria {
        parameters = parameters == null ? Map.of() : parameters;
    }

    /** The run's value of the first of {@code names} it recorded as a number, else {@code fallback}. */
    public double value(double fallback, List<String> names) {
        Object value = raw(names);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return value == null ? fallback : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Whether the run recorded one of the names. */
    public boolean given(List<String> names) {
        return raw(names) != null;
    }

    /** The run's value of a parameter as text, or null. */
    public String text(String name) {
        Object value = raw(List.of(name));
        return value == null ? null : String.valueOf(value);
    }

    /** The statistic a disproportionality volcano plot draws: "ROR" when the run sorted by it, else "PRR". */
    public String ratio() {
        return "ror".equalsIgnoreCase(text("sortBy")) ? "ROR" : "PRR";
    }

    private Object raw(List<String> names) {
        for (String name : names) {
            for (Map.Entry<?, ?> entry : parameters.entrySet()) {
                if (String.valueOf(entry.getKey()).equalsIgnoreCase(name) && entry.getValue() != null) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }
}
